using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Https;

namespace SecurityGroups.Api.Emulator;

/// <summary><c>GET /_emulator/ca.pem</c>: what HTTPS clients should trust.</summary>
[ApiExplorerSettings(GroupName = "v1")]
[Route("_emulator")]
public sealed class CaCertificateController : ControllerBase
{
    public const string PemContentType = "application/x-pem-file";

    /// <summary>The local CA certificate (PEM) that signed the HTTPS listener's certificate, created in the data folder
    /// on first use; with <c>Https:CertificatePath</c>, the certificates of that file (never a key). Never needs a signature.
    /// Trust it with <c>NODE_EXTRA_CA_CERTS</c>, <c>SSL_CERT_FILE</c> (Go, Terraform) or <c>curl --cacert</c>.</summary>
    [HttpGet("ca.pem")]
    [Produces(PemContentType)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, PemContentType)]
    public ContentResult CaPem([FromServices] ServerCertificates certificates) => Content(certificates.CaPem, PemContentType);
}
