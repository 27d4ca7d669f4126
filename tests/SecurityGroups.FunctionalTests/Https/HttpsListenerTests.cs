using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Https;

/// <summary>
/// The HTTPS listener of the real server process (Kestrel; the in-process host has no sockets): both listeners serve
/// Actions, the certificate chains to the CA served at <c>/_emulator/ca.pem</c> and to nothing a default client trusts,
/// names 127.0.0.1 and localhost, survives a restart, and can be turned off or replaced by your own.
/// </summary>
public sealed class HttpsListenerTests : IDisposable
{
    private const string DescribeRegions = "/?Action=DescribeRegions&Version=2014-05-26";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sg-https-");

    private string DatabasePath => Path.Combine(_folder.FullName, "sg.db");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BothListeners_ServeActions_HttpFromEnvironmentOrCommandLine(bool urlsOnCommandLine)
    {
        using var server = await EmulatorProcess.StartAsync(DatabasePath, new Dictionary<string, string>(), urlsOnCommandLine: urlsOnCommandLine);
        var https = await HttpsAddress(server);
        using var client = new OnlyThisCa(await server.Http.GetStringAsync("/_emulator/ca.pem"));

        using (var overHttp = await server.Http.GetAsync(DescribeRegions))
        {
            Assert.Equal(HttpStatusCode.OK, overHttp.StatusCode);
        }

        foreach (var host in new[] { "127.0.0.1", "localhost" })
        {
            using var response = await client.Http.GetAsync($"https://{host}:{https.Port}{DescribeRegions}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("cn-hangzhou", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var names = Assert.Single(client.Presented!.Extensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Contains(IPAddress.IPv6Loopback, names.EnumerateIPAddresses());
    }

    [Fact]
    public async Task HttpsCertificate_IsNotTrustedWithoutTheCa()
    {
        using var server = await EmulatorProcess.StartAsync(DatabasePath, new Dictionary<string, string>());
        var https = await HttpsAddress(server);
        using var systemTrust = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        await Assert.ThrowsAsync<HttpRequestException>(() => systemTrust.GetAsync(new Uri(https, DescribeRegions)));
    }

    [Fact]
    public async Task Restart_ReusesTheCaAndTheServerCertificate()
    {
        string firstCa;
        string firstServer;
        using (var first = await EmulatorProcess.StartAsync(DatabasePath, new Dictionary<string, string>()))
        {
            firstCa = await first.Http.GetStringAsync("/_emulator/ca.pem");
            firstServer = await PresentedThumbprint(first, firstCa);
        }

        using var second = await EmulatorProcess.StartAsync(DatabasePath, new Dictionary<string, string>());
        var secondCa = await second.Http.GetStringAsync("/_emulator/ca.pem");

        Assert.Equal(firstCa, secondCa);
        Assert.Equal(firstServer, await PresentedThumbprint(second, secondCa));
        Assert.Equal(firstCa.Trim(), (await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "emulator-ca.pem"))).Trim());
    }

    [Fact]
    public async Task HttpsDisabled_ListensOnHttpOnly()
    {
        var port = EmulatorProcess.FreePort();
        using var server = await EmulatorProcess.StartAsync(DatabasePath,
            new Dictionary<string, string> { ["Https__Enabled"] = "false", ["Https__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        using var client = new OnlyThisCa(await server.Http.GetStringAsync("/_emulator/ca.pem"));

        var health = JsonDocument.Parse(await server.Http.GetStringAsync("/_emulator/health")).RootElement;

        Assert.Equal(JsonValueKind.Null, health.GetProperty("Https").ValueKind);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.Http.GetAsync($"https://127.0.0.1:{port}{DescribeRegions}"));
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("pfx")]
    public async Task OwnCertificate_IsPresented_AndItsFileServedAsCaPem(string format)
    {
        var (settings, ownCaPem, leafThumbprint) = OwnCertificate(format);
        using var server = await EmulatorProcess.StartAsync(DatabasePath, settings);

        var served = await server.Http.GetStringAsync("/_emulator/ca.pem");

        Assert.Contains(ownCaPem.Trim(), served, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", served, StringComparison.Ordinal);
        Assert.Equal(leafThumbprint, await PresentedThumbprint(server, ownCaPem));
        Assert.False(File.Exists(Path.Combine(_folder.FullName, "emulator-ca.key")), "no local CA is created for your own certificate");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<Uri> HttpsAddress(EmulatorProcess server)
    {
        var health = JsonDocument.Parse(await server.Http.GetStringAsync("/_emulator/health")).RootElement;
        var https = new Uri(health.GetProperty("Https").GetString()!);
        Assert.Equal("https", https.Scheme);
        Assert.Equal("127.0.0.1", https.Host); // loopback, as HTTP
        Assert.NotEqual(0, https.Port);
        return https;
    }

    private static async Task<string> PresentedThumbprint(EmulatorProcess server, string caPem)
    {
        var https = await HttpsAddress(server);
        using var client = new OnlyThisCa(caPem);
        using var response = await client.Http.GetAsync(new Uri(https, DescribeRegions));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client.Presented!.Thumbprint;
    }

    /// <summary>A CA of the test's own and a server certificate it signs, written as PEM (chain file and key file) or as a
    /// password-protected PKCS#12 file; the settings that name them.</summary>
    private (Dictionary<string, string> Settings, string CaPem, string LeafThumbprint) OwnCertificate(string format)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Test's own CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=own", leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        leafRequest.CertificateExtensions.Add(names.Build());
        using var signed = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(20), [1, 2, 3, 4]);
        using var leaf = signed.CopyWithPrivateKey(leafKey);

        var caPem = ca.ExportCertificatePem();
        if (format == "pem")
        {
            var certificate = Path.Combine(_folder.FullName, "own.pem");
            var key = Path.Combine(_folder.FullName, "own.key");
            File.WriteAllText(certificate, leaf.ExportCertificatePem() + "\n" + caPem + "\n");
            File.WriteAllText(key, leafKey.ExportPkcs8PrivateKeyPem());
            return (new Dictionary<string, string> { ["Https__CertificatePath"] = certificate, ["Https__KeyPath"] = key }, caPem, leaf.Thumbprint);
        }

        var pfx = Path.Combine(_folder.FullName, "own.pfx");
        File.WriteAllBytes(pfx, new X509Certificate2Collection { leaf, ca }.Export(X509ContentType.Pkcs12, "s3cret")!);
        return (new Dictionary<string, string> { ["Https__CertificatePath"] = pfx, ["Https__CertificatePassword"] = "s3cret" }, caPem, leaf.Thumbprint);
    }
}
