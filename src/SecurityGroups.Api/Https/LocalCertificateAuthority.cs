using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecurityGroups.Api.Https;

/// <summary>
/// The emulator's own CA and the HTTPS server certificate it signs, kept as PEM files in the data folder (the folder of
/// the SQLite file). Created at first use; the CA is kept for good (clients trust it), the server certificate is renewed
/// when it expires within <see cref="RenewBefore"/> or no longer chains to the CA. Private keys are written readable by
/// the owner only. Processes that share the folder take turns through a lock file, so they all end up with one CA.
/// </summary>
/// <remarks>What Go (Terraform), Node (OpenSSL), curl and .NET all require: a CA with basic constraints <c>CA:true</c>
/// (critical) and key usage <c>keyCertSign</c>; a server certificate with subject alternative names (Go ignores the
/// common name), <c>CA:false</c>, <c>digitalSignature</c> and the <c>serverAuth</c> extended key usage. ECDSA P-256, SHA-256.</remarks>
public static class LocalCertificateAuthority
{
    public const string CaCertificateFile = "emulator-ca.pem";
    public const string CaKeyFile = "emulator-ca.key";
    public const string ServerCertificateFile = "emulator-https.pem";
    public const string ServerKeyFile = "emulator-https.key";
    private const string LockFile = "emulator-tls.lock";
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>How long before its expiry the server certificate is replaced.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromDays(30);

    private static readonly TimeSpan ServerLifetime = TimeSpan.FromDays(365);
    private static readonly TimeSpan CaLifetime = TimeSpan.FromDays(3650);

    /// <summary>The CA (with its key) in <paramref name="folder"/>, created when there is none.</summary>
    public static X509Certificate2 LoadOrCreateCa(string folder, TimeProvider clock)
    {
        using var turn = TakeTurn(folder);
        return LoadOrCreateCaLocked(folder, clock);
    }

    /// <summary>The CA and a current server certificate signed by it (both with their keys), created or renewed as needed.</summary>
    public static (X509Certificate2 Ca, X509Certificate2 Server) LoadOrCreate(string folder, TimeProvider clock)
    {
        using var turn = TakeTurn(folder);
        var ca = LoadOrCreateCaLocked(folder, clock);
        var server = LoadServer(folder, ca, clock) ?? CreateServer(folder, ca, clock);
        return (ca, server);
    }

    private static X509Certificate2 LoadOrCreateCaLocked(string folder, TimeProvider clock)
    {
        var certPath = Path.Combine(folder, CaCertificateFile);
        var keyPath = Path.Combine(folder, CaKeyFile);
        if (!File.Exists(certPath) && !File.Exists(keyPath))
        {
            return CreateCa(folder, clock);
        }

        // Never replaced silently: clients trust this CA. A damaged or half-present one stops start-up instead.
        try
        {
            var ca = Usable(X509Certificate2.CreateFromPemFile(certPath, keyPath));
            return ca.NotAfter.ToUniversalTime() > clock.GetUtcNow().UtcDateTime
                ? ca
                : throw new CryptographicException($"it expired on {ca.NotAfter.ToUniversalTime():yyyy-MM-dd}");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"the local CA ({certPath}, {keyPath}) cannot be used: {ex.Message.TrimEnd('.')}. Delete both files to create a new CA (clients must then trust the new one).", ex);
        }
    }

    private static X509Certificate2 CreateCa(string folder, TimeProvider clock)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var request = new CertificateRequest($"CN=SecurityGroups emulator local CA {id}, O=SecurityGroups emulator", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = clock.GetUtcNow();
        var ca = request.CreateSelfSigned(now.AddDays(-1), now.Add(CaLifetime)); // with its key
        Write(folder, CaKeyFile, key.ExportPkcs8PrivateKeyPem(), secret: true);
        Write(folder, CaCertificateFile, ca.ExportCertificatePem() + "\n", secret: false);
        return Usable(ca);
    }

    /// <summary>The stored server certificate when it chains to <paramref name="ca"/> as a server certificate and is
    /// valid beyond <see cref="RenewBefore"/>; null when it must be (re)created.</summary>
    private static X509Certificate2? LoadServer(string folder, X509Certificate2 ca, TimeProvider clock)
    {
        X509Certificate2 server;
        try
        {
            server = X509Certificate2.CreateFromPemFile(Path.Combine(folder, ServerCertificateFile), Path.Combine(folder, ServerKeyFile));
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            return null; // missing or damaged: a server certificate is cheap to replace
        }

        using (server)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return server.NotAfter.ToUniversalTime() - now > RenewBefore && ChainsTo(server, ca, now) ? Usable(server) : null;
        }
    }

    private static X509Certificate2 CreateServer(string folder, X509Certificate2 ca, TimeProvider clock)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=SecurityGroups emulator", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], critical: false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var now = clock.GetUtcNow();
        var notAfter = now.Add(ServerLifetime) < ca.NotAfter.ToUniversalTime() ? now.Add(ServerLifetime) : new DateTimeOffset(ca.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // a positive serial number
        using var signed = request.Create(ca, now.AddDays(-1), notAfter, serial);
        Write(folder, ServerKeyFile, key.ExportPkcs8PrivateKeyPem(), secret: true);
        Write(folder, ServerCertificateFile, signed.ExportCertificatePem() + "\n", secret: false);
        return Usable(signed.CopyWithPrivateKey(key));
    }

    private static bool ChainsTo(X509Certificate2 server, X509Certificate2 ca, DateTime now)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = now;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ServerAuthOid));
        return chain.Build(server);
    }

    /// <summary>A copy whose key TLS can use on every platform (a key made in memory is not, on Windows).</summary>
    private static X509Certificate2 Usable(X509Certificate2 withKey)
    {
        using (withKey)
        {
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
    }

    /// <summary>Writes through a temporary file and a rename; a key is created readable and writable by its owner only.</summary>
    private static void Write(string folder, string name, string content, bool secret)
    {
        var path = Path.Combine(folder, name);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (secret && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, System.Text.Encoding.ASCII, options))
        {
            writer.Write(content);
            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>An exclusive lock on a file in the folder: one process at a time reads or creates the certificates.</summary>
    private static FileStream TakeTurn(string folder)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, LockFile);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 300 && File.Exists(path))
            {
                Thread.Sleep(50); // another process holds it for the few milliseconds a certificate takes
            }
        }
    }
}
