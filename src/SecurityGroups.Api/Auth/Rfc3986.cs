using System.Text;

namespace SecurityGroups.Api.Auth;

/// <summary>Percent-encoding as the signers use it: everything but <c>A-Z a-z 0-9 - _ . ~</c>, UTF-8, upper-case hex.</summary>
internal static class Rfc3986
{
    public static string Encode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(Convert.ToHexString([b]));
            }
        }

        return sb.ToString();
    }

    /// <summary>Key-sorted (ordinal) <c>key=value</c> pairs joined by <c>&amp;</c>, both encoded.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Encode(p.Key) + "=" + Encode(p.Value)));
}
