using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SecurityGroups.Api.Https;

namespace SecurityGroups.UnitTests.Https;

/// <summary>The local CA and server certificate: what strict clients (Go) require of them, reuse, renewal near expiry with
/// the CA kept, owner-only keys, and a damaged CA refused rather than silently replaced.</summary>
public sealed class LocalCertificateAuthorityTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("sg-ca-");
    private readonly Clock _clock = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Created_CaAndServerCertificate_HaveWhatGoAndNodeRequire()
    {
        var (ca, server) = LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock);
        using (ca)
        using (server)
        {
            var caConstraints = Assert.Single(ca.Extensions.OfType<X509BasicConstraintsExtension>());
            Assert.True(caConstraints.CertificateAuthority);
            Assert.True(caConstraints.Critical);
            Assert.True(Assert.Single(ca.Extensions.OfType<X509KeyUsageExtension>()).KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));

            Assert.True(server.HasPrivateKey);
            Assert.False(Assert.Single(server.Extensions.OfType<X509BasicConstraintsExtension>()).CertificateAuthority);
            Assert.Contains(Assert.Single(server.Extensions.OfType<X509EnhancedKeyUsageExtension>()).EnhancedKeyUsages.Cast<Oid>(),
                o => o.Value == "1.3.6.1.5.5.7.3.1");
            var names = Assert.Single(server.Extensions.OfType<X509SubjectAlternativeNameExtension>());
            Assert.Equal(["localhost"], names.EnumerateDnsNames());
            Assert.Equal([IPAddress.Loopback, IPAddress.IPv6Loopback], names.EnumerateIPAddresses());
            Assert.True(ChainsTo(server, ca, _clock.GetUtcNow().UtcDateTime));
        }
    }

    [Fact]
    public void Reloaded_KeepsBoth_UntilTheServerCertificateNearsExpiry_ThenRenewsItOnly()
    {
        var (ca, server) = LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock);
        var caPem = File.ReadAllText(Path.Combine(_folder.FullName, LocalCertificateAuthority.CaCertificateFile));

        _clock.Now = _clock.Now.AddDays(300);
        var (caLater, serverLater) = LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock);
        _clock.Now = server.NotAfter.ToUniversalTime() - LocalCertificateAuthority.RenewBefore + TimeSpan.FromHours(1);
        var (caRenewed, serverRenewed) = LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock);

        Assert.Equal(ca.Thumbprint, caLater.Thumbprint);
        Assert.Equal(server.Thumbprint, serverLater.Thumbprint);
        Assert.Equal(ca.Thumbprint, caRenewed.Thumbprint);
        Assert.NotEqual(server.Thumbprint, serverRenewed.Thumbprint);
        Assert.True(serverRenewed.NotAfter.ToUniversalTime() - _clock.Now.UtcDateTime > LocalCertificateAuthority.RenewBefore);
        Assert.True(ChainsTo(serverRenewed, ca, _clock.Now.UtcDateTime));
        Assert.Equal(caPem, File.ReadAllText(Path.Combine(_folder.FullName, LocalCertificateAuthority.CaCertificateFile)));
        foreach (var c in new[] { ca, server, caLater, serverLater, caRenewed, serverRenewed })
        {
            c.Dispose();
        }
    }

    [Fact]
    public void ServerCertificateOfAnotherCa_IsReplaced()
    {
        var other = Directory.CreateTempSubdirectory("sg-ca-other-");
        try
        {
            LocalCertificateAuthority.LoadOrCreate(other.FullName, _clock).Server.Dispose();
            var (ca, _) = LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock);
            foreach (var name in new[] { LocalCertificateAuthority.ServerCertificateFile, LocalCertificateAuthority.ServerKeyFile })
            {
                File.Copy(Path.Combine(other.FullName, name), Path.Combine(_folder.FullName, name), overwrite: true);
            }

            var (_, server) = LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock);

            Assert.True(ChainsTo(server, ca, _clock.Now.UtcDateTime));
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Fact]
    public void PrivateKeys_AreReadableByTheOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix permissions
        }

        LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock).Server.Dispose();

        foreach (var key in new[] { LocalCertificateAuthority.CaKeyFile, LocalCertificateAuthority.ServerKeyFile })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder.FullName, key)));
        }
    }

    [Fact]
    public void DamagedCa_IsRefused_NotReplaced()
    {
        LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock).Server.Dispose();
        var caFile = Path.Combine(_folder.FullName, LocalCertificateAuthority.CaCertificateFile);
        File.WriteAllText(caFile, "damaged");

        var error = Assert.Throws<InvalidOperationException>(() => LocalCertificateAuthority.LoadOrCreate(_folder.FullName, _clock));

        Assert.Contains("local CA", error.Message, StringComparison.Ordinal);
        Assert.Equal("damaged", File.ReadAllText(caFile));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "https://127.0.0.1:8443")]
    [InlineData("http://localhost:8080;http://[::1]:8081", "https://127.0.0.1:8443")]
    [InlineData("http://0.0.0.0:8080", "https://0.0.0.0:8443")]
    [InlineData("http://127.0.0.1:8080;http://192.168.1.5:8080", "https://192.168.1.5:8443")]
    [InlineData("http://*:8080", "https://*:8443")]
    [InlineData("http://0.0.0.0:8080;http://[::]:8080", "https://*:8443")]
    public void HttpsHost_FollowsTheHttpAddresses(string httpUrls, string expected)
    {
        Assert.Equal(expected, HttpsListener.HttpsUrl(httpUrls.Split(';'), 8443));
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2 ca, DateTime at)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = at;
        return chain.Build(server);
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
