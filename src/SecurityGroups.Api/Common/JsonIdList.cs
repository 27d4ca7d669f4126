using System.Text.Json;

namespace SecurityGroups.Api.Common;

/// <summary>A list of IDs sent as one string holding a JSON array (<c>SecurityGroupIds=["sg-a","sg-b"]</c>).</summary>
public static class JsonIdList
{
    public static bool TryParse(string? text, int max, out IReadOnlyList<string> ids)
    {
        ids = [];
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<List<string?>>(text);
            if (parsed is null || parsed.Count > max || parsed.Any(string.IsNullOrEmpty))
            {
                return false;
            }

            ids = parsed!;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
