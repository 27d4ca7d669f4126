using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SecurityGroups.Api.WebConsole;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// The web console's boundary (docs/security.md): in Strict mode nothing under <c>/console</c> but sign-in and the
/// assets answers without a session, whatever the letter case; the session cookie is issued only for a right AccessKey
/// pair, is HttpOnly, SameSite=Strict and scoped to <c>/console</c>; a forged cookie is no session; sign-in needs the
/// antiforgery token; return addresses stay inside the console. In Relaxed mode the console is the default account.
/// </summary>
public sealed partial class ConsoleSessionTests : IClassFixture<StrictEmulatorFactory>
{
    private readonly StrictEmulatorFactory _strict;

    public ConsoleSessionTests(StrictEmulatorFactory strict) => _strict = strict;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private HttpClient Client() => _strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/cn-hangzhou/security-groups")]
    [InlineData("/Console/cn-hangzhou/why?src=1.2.3.4&dst=i-x")]
    [InlineData("/CONSOLE/cn-hangzhou/security-groups/sg-x/export?format=json")]
    [InlineData("/console/no-such-page")]
    [InlineData("/console/signin/security-groups")]
    [InlineData("/console/SignIn/snapshots")]
    [InlineData("/console/signin/security-groups/sg-x/export?format=json")]
    [InlineData("/console/assets/security-groups/sg-x")]
    [InlineData("/console/assets/console.css/x")]
    public async Task Strict_WithoutSession_RedirectsToSignIn(string path)
    {
        using var response = await Client().GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/signin?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_ForgedSessionCookie_IsNoSession()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("Cookie", "sg-console=CfDJ8forged-value");
        using var response = await client.GetAsync("/console/cn-hangzhou/security-groups");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Strict_SignInPageAndAssets_AnswerWithoutSession()
    {
        using var client = Client();
        using var signIn = await client.GetAsync("/console/signin");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var css = await client.GetAsync("/console/assets/console.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        using var missing = await client.GetAsync("/console/assets/appsettings.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Strict_SignIn_IssuesTheCookieOnlyForTheRightPair_AndNeedsTheAntiforgeryToken()
    {
        using var client = Client();
        var token = AntiforgeryField().Match(await client.GetStringAsync("/console/signin")).Groups[1].Value;
        Assert.NotEmpty(token);

        using var noToken = await client.PostAsync("/console/signin", Form(null, "test2", "secret2"));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.DoesNotContain(SetCookies(noToken), c => c.StartsWith("sg-console=", StringComparison.Ordinal));

        using var wrong = await client.PostAsync("/console/signin", Form(token, "test2", "not-it"));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("InvalidAccessKeyId.NotFound", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(wrong), c => c.StartsWith("sg-console=", StringComparison.Ordinal));

        using var right = await client.PostAsync("/console/signin", Form(token, "test2", "secret2"));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var session = Assert.Single(SetCookies(right), c => c.StartsWith("sg-console=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/console", session, StringComparison.Ordinal);
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);

        using var page = await client.GetAsync("/console/cn-hangzhou/security-groups");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Signed in as <strong>test2</strong> (account 2222222222222222)", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Relaxed_ConsoleActsAsTheDefaultAccount_AndItsSwitchNeedsTheAntiforgeryToken()
    {
        using var relaxed = new CustomEmulatorFactory(null, null);
        using var client = relaxed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await client.GetAsync("/console/cn-hangzhou/security-groups");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<option value=\"test\" selected>1234567890123456 (key test)</option>", html, StringComparison.Ordinal);

        var switchTo = new Dictionary<string, string> { ["accessKeyId"] = "test2", ["returnUrl"] = "/console/cn-hangzhou/security-groups" };
        using var forged = await client.PostAsync("/console/account", new FormUrlEncodedContent(switchTo));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(SetCookies(forged), c => c.StartsWith("sg-console=", StringComparison.Ordinal));

        switchTo["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups[1].Value;
        using var switched = await client.PostAsync("/console/account", new FormUrlEncodedContent(switchTo));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        using var after = await client.GetAsync("/console/cn-hangzhou/security-groups");
        Assert.Contains("<option value=\"test2\" selected>2222222222222222 (key test2)</option>", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/console/cn-hangzhou/why?src=1", "/console/cn-hangzhou/why?src=1")]
    [InlineData("//evil.example/console", "/console")]
    [InlineData("https://evil.example/console", "/console")]
    [InlineData("/console\\..\\x", "/console")]
    [InlineData(null, "/console")]
    public void ReturnAddresses_StayInsideTheConsole(string? returnUrl, string expected) =>
        Assert.Equal(expected, ConsoleLinks.Local(returnUrl));

    private static FormUrlEncodedContent Form(string? token, string key, string secret)
    {
        var fields = new Dictionary<string, string> { ["_handler"] = "signin", ["Form.AccessKeyId"] = key, ["Form.AccessKeySecret"] = secret, ["Form.ReturnUrl"] = "/console" };
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return new FormUrlEncodedContent(fields);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
