using System.Text;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>
/// The emulator endpoints answer an unknown path (404), a wrong method (405) and a body of the wrong content type (415)
/// with the Alibaba error envelope and a catalogued code, keeping the HTTP status (docs/decisions/ADR-004).
/// </summary>
public sealed class EmulatorErrorEnvelopeTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Theory]
    [InlineData("GET", "/_emulator/nope")]
    [InlineData("POST", "/_emulator/traffic/teleport")]
    [InlineData("GET", "/_emulator/security-groups/sg-x/rules/extra")]
    [InlineData("DELETE", "/_emulator/")]
    public async Task UnknownPath_IsInvalidApiNotFound(string method, string path)
    {
        var result = await Client.Send(new HttpRequestMessage(new HttpMethod(method), path));

        result.Error("InvalidApi.NotFound", 404);
    }

    [Theory]
    [InlineData("GET", "/_emulator/reset")]
    [InlineData("DELETE", "/_emulator/traffic/evaluate")]
    [InlineData("PUT", "/_emulator/findings")]
    [InlineData("POST", "/_emulator/health")]
    [InlineData("PATCH", "/_emulator/security-groups/sg-x/flags")]
    public async Task WrongMethod_IsMethodNotAllowed(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Client.Http.SendAsync(request);
        var result = new AcsResult(response.StatusCode, await response.Content.ReadAsStringAsync(), "",
            response.Headers.GetValues("x-acs-request-id").First());

        result.Error("MethodNotAllowed", 405);
        Assert.True(response.Content.Headers.Allow.Count > 0 || response.Headers.Contains("Allow"), "405 names the allowed methods");
    }

    [Theory]
    [InlineData("/_emulator/traffic/evaluate", "text/plain")]
    [InlineData("/_emulator/traffic/reachability", "application/xml")]
    [InlineData("/_emulator/security-groups/sg-x/flags", "application/x-www-form-urlencoded")]
    public async Task WrongContentType_IsUnsupportedMediaType(string path, string contentType)
    {
        var before = DatabaseSnapshot.Take(Factory);
        var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent("{\"RegionId\":\"cn-hangzhou\"}", Encoding.UTF8, contentType),
        });

        result.Error("InvalidParameter", 415);
        Assert.Contains(contentType, result.Str("Message"), StringComparison.Ordinal);
        Assert.Equal(before, DatabaseSnapshot.Take(Factory));
    }
}
