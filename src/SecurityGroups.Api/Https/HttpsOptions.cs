namespace SecurityGroups.Api.Https;

/// <summary>Section <c>Https</c>: the HTTPS listener beside HTTP (README, "HTTPS").</summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";
    public const int DefaultPort = 8443;

    /// <summary>Serve HTTPS too (default). Off: only the HTTP addresses are served.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The HTTPS port (8443); 0 takes any free port, reported in the log and in <c>/_emulator/health</c>.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>Your own server certificate instead of the local CA's: a PEM file (key in <see cref="KeyPath"/> or in the
    /// same file) or a PKCS#12 file (<c>.pfx</c>/<c>.p12</c>). Relative paths are relative to the working directory.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/> when it is not in the certificate file.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PKCS#12 file's password, or the password of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>A PKCS#12 file (by its extension), rather than PEM.</summary>
    public bool IsPkcs12 =>
        CertificatePath is { } path && (path.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".p12", StringComparison.OrdinalIgnoreCase));

    /// <summary>The first problem with these settings, as one line naming the key; null when they are usable.</summary>
    public string? Validate()
    {
        if (Port is < 0 or > 65535)
        {
            return $"Https:Port must be between 0 and 65535, not {Port}.";
        }

        if (string.IsNullOrWhiteSpace(CertificatePath))
        {
            return KeyPath is not null ? "Https:KeyPath needs Https:CertificatePath."
                : CertificatePassword is not null ? "Https:CertificatePassword needs Https:CertificatePath."
                : null;
        }

        if (!File.Exists(CertificatePath))
        {
            return $"Https:CertificatePath '{CertificatePath}' does not exist.";
        }

        if (KeyPath is not null && IsPkcs12)
        {
            return "Https:KeyPath is for a PEM certificate; a PKCS#12 file (.pfx, .p12) holds its own key.";
        }

        return KeyPath is not null && !File.Exists(KeyPath) ? $"Https:KeyPath '{KeyPath}' does not exist." : null;
    }
}
