using System.Security.Cryptography.X509Certificates;

namespace SecurityGroups.FunctionalTests.Https;

/// <summary><c>GET /_emulator/ca.pem</c> in-process (no HTTPS listener there): public in Strict mode, in any letter case,
/// a CA certificate, the same every time.</summary>
public sealed class CaCertificateEndpointTests(StrictEmulatorFactory factory) : IClassFixture<StrictEmulatorFactory>
{
    [Theory]
    [InlineData("/_emulator/ca.pem")]
    [InlineData("/_Emulator/CA.pem")]
    public async Task CaPem_NeedsNoSignature_AndIsTheCa(string path)
    {
        using var http = factory.CreateClient();

        using var response = await http.GetAsync(path);
        var pem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.Content.Headers.ContentType?.MediaType);
        using var ca = X509Certificate2.CreateFromPem(pem);
        var constraints = Assert.Single(ca.Extensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(constraints.CertificateAuthority);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
        Assert.Equal(pem, await http.GetStringAsync("/_emulator/ca.pem"));
    }
}
