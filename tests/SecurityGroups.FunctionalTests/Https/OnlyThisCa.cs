using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecurityGroups.FunctionalTests.Https;

/// <summary>An HTTPS client that trusts one CA and nothing else (not the system store), checks the host name against the
/// certificate's subject alternative names as every client does, and keeps the certificate the server presented.</summary>
internal sealed class OnlyThisCa : IDisposable
{
    private readonly X509Certificate2 _ca;

    public OnlyThisCa(string caPem)
    {
        _ca = X509Certificate2.CreateFromPem(caPem);
        var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = Validate };
        Http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    /// <summary>The last certificate a server presented.</summary>
    public X509Certificate2? Presented { get; private set; }

    public void Dispose()
    {
        Http.Dispose();
        _ca.Dispose();
        Presented?.Dispose();
    }

    private bool Validate(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? systemChain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        Presented?.Dispose();
        Presented = X509CertificateLoader.LoadCertificate(certificate.RawData);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.1")); // serverAuth
        var nameMatches = (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0;
        return nameMatches && chain.Build(certificate);
    }
}
