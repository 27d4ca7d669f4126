using System.Security.Cryptography;

namespace SecurityGroups.Domain.Common;

/// <summary>Alibaba-shaped resource IDs: a prefix and 20 lower-case alphanumerics (<c>vpc-bp1opxu1zkhn00gzv26cb</c>).</summary>
public static class ResourceIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const int Length = 20;

    public static string New(string prefix) =>
        string.Create(prefix.Length + 1 + Length, prefix, static (span, p) =>
        {
            p.AsSpan().CopyTo(span);
            span[p.Length] = '-';
            for (var i = p.Length + 1; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    /// <summary>True when <paramref name="id"/> has the shape <c>prefix-</c> followed by 1-64 letters or digits.</summary>
    public static bool HasShape(string? id, string prefix)
    {
        if (id is null || id.Length <= prefix.Length + 1 || id.Length > prefix.Length + 65 ||
            !id.StartsWith(prefix, StringComparison.Ordinal) || id[prefix.Length] != '-')
        {
            return false;
        }

        foreach (var c in id.AsSpan(prefix.Length + 1))
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
