using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Options;

namespace SecurityGroups.Api.Https;

/// <summary>
/// The HTTPS listener's certificate and what <c>GET /_emulator/ca.pem</c> serves: the local CA's (created in the data
/// folder on first use), or, with <c>Https:CertificatePath</c>, your own certificate and the certificates of its file.
/// Loaded once; nothing is cached after a failure, so the next use tries again.
/// </summary>
public sealed class ServerCertificates(IOptions<HttpsOptions> options, IConfiguration configuration, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private X509Certificate2? _server;
    private string? _caPem;

    /// <summary>The folder the local CA lives in: the SQLite file's.</summary>
    public string DataFolder { get; } = DataFolderOf(
        configuration.GetConnectionString(Domain.DependencyInjection.ConnectionStringName) ?? Domain.DependencyInjection.DefaultConnectionString);

    /// <summary>Where the CA certificate file is, for the log; null with your own certificate.</summary>
    public string? CaFile => options.Value.CertificatePath is null ? Path.Combine(DataFolder, LocalCertificateAuthority.CaCertificateFile) : null;

    /// <summary>The certificate (with its key) the HTTPS listener presents.</summary>
    public X509Certificate2 Server
    {
        get
        {
            lock (_gate)
            {
                return _server ??= Load();
            }
        }
    }

    /// <summary>The PEM clients should trust: the local CA, or the certificates of your own certificate file.</summary>
    public string CaPem
    {
        get
        {
            lock (_gate)
            {
                return _caPem ??= options.Value.CertificatePath is { } own ? CertificatesPem(own) : LocalCaPem();
            }
        }
    }

    /// <summary>The folder of the SQLite file a connection string names (relative to the working directory); <c>data</c>
    /// for a connection string that names no file (in memory, or PostgreSQL's).</summary>
    public static string DataFolderOf(string connectionString)
    {
        string source;
        try
        {
            source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        }
        catch (ArgumentException)
        {
            return Path.GetFullPath("data"); // Host=...;Database=...: not a file
        }

        var inMemory = string.IsNullOrEmpty(source) || source == ":memory:" || connectionString.Contains("Mode=Memory", StringComparison.OrdinalIgnoreCase);
        return inMemory ? Path.GetFullPath("data") : Path.GetDirectoryName(Path.GetFullPath(source)) ?? Path.GetFullPath(".");
    }

    private X509Certificate2 Load()
    {
        var o = options.Value;
        if (o.CertificatePath is null)
        {
            var (ca, server) = LocalCertificateAuthority.LoadOrCreate(DataFolder, clock);
            using (ca)
            {
                _caPem ??= ca.ExportCertificatePem() + "\n";
            }

            return server;
        }

        try
        {
            var own = o.IsPkcs12
                ? X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath, o.CertificatePassword)
                : o.CertificatePassword is null
                    ? X509Certificate2.CreateFromPemFile(o.CertificatePath, o.KeyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(o.CertificatePath, o.CertificatePassword, o.KeyPath);
            using (own)
            {
                return own.HasPrivateKey
                    ? X509CertificateLoader.LoadPkcs12(own.Export(X509ContentType.Pkcs12), null)
                    : throw new CryptographicException("the certificate has no private key");
            }
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"Https:CertificatePath '{o.CertificatePath}' cannot be used: {ex.Message.TrimEnd('.')}.", ex);
        }
    }

    private string LocalCaPem()
    {
        using var ca = LocalCertificateAuthority.LoadOrCreateCa(DataFolder, clock);
        return ca.ExportCertificatePem() + "\n";
    }

    private string CertificatesPem(string path)
    {
        var all = new X509Certificate2Collection();
        if (options.Value.IsPkcs12)
        {
            all = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, options.Value.CertificatePassword);
        }
        else
        {
            all.ImportFromPemFile(path);
        }

        var pem = new StringBuilder();
        foreach (var certificate in all)
        {
            pem.Append(certificate.ExportCertificatePem()).Append('\n');
            certificate.Dispose();
        }

        return pem.ToString();
    }
}
