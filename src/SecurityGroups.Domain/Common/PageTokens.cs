using System.Text;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.Domain.Common;

/// <summary>Opaque <c>NextToken</c> values: a kind and a position, base64url-encoded.</summary>
public static class PageTokens
{
    public static string Encode(string kind, string position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(kind + ":" + position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position of a token of this kind; <c>InValidParameter.NextToken</c> for anything else.</summary>
    public static string Decode(string kind, string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            if (text.StartsWith(kind + ":", StringComparison.Ordinal) && text.Length > kind.Length + 1)
            {
                return text[(kind.Length + 1)..];
            }
        }
        catch (FormatException)
        {
            // fall through to the Alibaba error
        }

        throw new AcsException(AcsErrors.InvalidParameterNextToken);
    }
}
