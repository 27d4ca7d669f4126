using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using SecurityGroups.Api.SecurityGroups;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Rules;

namespace SecurityGroups.Api.Emulator;

/// <summary>
/// The rule files of the console's export and import (docs/rule-files.md): JSON <c>{RegionId, SecurityGroupId,
/// Permissions:[…]}</c> (a bare array is accepted too) and CSV with one header row; both use the field names of
/// DescribeSecurityGroupAttribute's Permission.
/// </summary>
internal static class RuleFiles
{
    /// <summary>The columns, in the order of DescribeSecurityGroupAttribute's Permission.</summary>
    public static readonly string[] Columns = typeof(PermissionItem).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();

    private static readonly JsonSerializerOptions Indented = new(AcsResponseWriterOptions.Json) { WriteIndented = true };

    public static string JsonFileName(string regionId, string groupId) => $"ecs_{regionId}_{groupId}.json";

    public static string CsvFileName(string regionId, string groupId, DateTime utc) =>
        $"ecs_sgRule_{groupId}_{regionId}_{utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";

    public static byte[] ToJson(string regionId, string groupId, IReadOnlyList<PermissionItem> permissions) =>
        JsonSerializer.SerializeToUtf8Bytes(new RuleFile(regionId, groupId, permissions), Indented);

    public static byte[] ToCsv(IReadOnlyList<PermissionItem> permissions)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            var properties = typeof(PermissionItem).GetProperties(BindingFlags.Public | BindingFlags.Instance);
            foreach (var permission in permissions)
            {
                foreach (var property in properties)
                {
                    csv.WriteField(Neutralise(property.GetValue(permission)?.ToString() ?? ""));
                }

                csv.NextRecord();
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Reads an uploaded file into rows; any malformed file is <c>InvalidParameter.File</c> and changes nothing.</summary>
    public static (IReadOnlyList<ImportRow> Rows, string? RegionId) Read(byte[] body, string? format, string? contentType)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        var kind = format?.ToLowerInvariant() switch
        {
            "json" => "json",
            "csv" => "csv",
            null or "" => contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "json"
                : contentType?.Contains("csv", StringComparison.OrdinalIgnoreCase) == true ? "csv"
                : text.TrimStart() is ['[', ..] or ['{', ..] ? "json" : "csv",
            _ => throw Bad("The format must be json or csv."),
        };
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Bad("The file is empty.");
        }

        return kind == "json" ? ReadJson(text) : (ReadCsv(text), null);
    }

    private static (IReadOnlyList<ImportRow>, string?) ReadJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false }); // one member, one meaning
            var root = document.RootElement;
            string? region = null;
            if (root.ValueKind == JsonValueKind.Object)
            {
                region = root.TryGetProperty("RegionId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                root = root.TryGetProperty("Permissions", out var p) ? p : throw Bad("The JSON object has no Permissions array.");
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw Bad("The JSON file must be an array of rules or an object with a Permissions array.");
            }

            CheckCount(root.GetArrayLength());
            var rows = new List<ImportRow>();
            var index = 0;
            foreach (var item in root.EnumerateArray())
            {
                index++;
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw Bad($"Rule {index} is not an object.");
                }

                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in item.EnumerateObject())
                {
                    CheckColumn(property.Name);
                    fields[property.Name] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString()!,
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                        JsonValueKind.Null => "",
                        _ => throw Bad($"Rule {index}: the value of {property.Name} must be a string."),
                    };
                }

                rows.Add(Row(index, fields));
            }

            return (rows, region);
        }
        catch (JsonException ex)
        {
            throw Bad("The file is not valid JSON: " + ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            // JsonDocument.GetString and a property's Name throw this for an escape that is half a UTF-16 character (\ud800).
            throw Bad("The file is not valid JSON: " + ex.Message);
        }
    }

    private static IReadOnlyList<ImportRow> ReadCsv(string text)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true, BadDataFound = null };
        try
        {
            using var reader = new StringReader(text);
            using var csv = new CsvReader(reader, config);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                throw Bad("The CSV file has no header row.");
            }

            foreach (var column in header)
            {
                CheckColumn(column);
            }

            var rows = new List<ImportRow>();
            while (csv.Read())
            {
                CheckCount(rows.Count + 1);
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    fields[header[i]] = Restore(csv.GetField(i) ?? "");
                }

                rows.Add(Row(rows.Count + 1, fields));
            }

            return rows;
        }
        catch (CsvHelperException ex)
        {
            throw Bad("The file is not valid CSV: " + ex.Message.Split('\n')[0]);
        }
    }

    /// <summary>
    /// A CSV cell a spreadsheet will not run (OWASP, "CSV injection"): a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, tab or carriage return gets a leading <c>'</c>. So does a cell that starts with <c>'</c> itself, which
    /// keeps <see cref="Restore"/> exact: every exported value is read back unchanged.
    /// </summary>
    internal static string Neutralise(string cell) =>
        cell.Length > 0 && (IsFormulaStart(cell[0]) || cell[0] == '\'') ? "'" + cell : cell;

    /// <summary>
    /// The inverse of <see cref="Neutralise"/>: one leading <c>'</c> is removed when what follows starts with a formula
    /// character or another <c>'</c>. Any other leading quote (<c>'abc</c> in a hand-written file) is kept.
    /// </summary>
    internal static string Restore(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && (IsFormulaStart(cell[1]) || cell[1] == '\'') ? cell[1..] : cell;

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static ImportRow Row(int index, Dictionary<string, string> f)
    {
        string? Get(string name) => f.TryGetValue(name, out var v) && v.Length > 0 ? v : null;
        return new ImportRow(index, Get("Direction"), new PermissionInput
        {
            Policy = Get("Policy"),
            Priority = Get("Priority"),
            IpProtocol = Get("IpProtocol"),
            PortRange = Get("PortRange"),
            PortRangeListId = Get("PortRangeListId"),
            SourcePortRange = Get("SourcePortRange"),
            SourceCidrIp = Get("SourceCidrIp"),
            Ipv6SourceCidrIp = Get("Ipv6SourceCidrIp"),
            SourceGroupId = Get("SourceGroupId"),
            SourceGroupOwnerAccount = Get("SourceGroupOwnerAccount"),
            SourcePrefixListId = Get("SourcePrefixListId"),
            DestCidrIp = Get("DestCidrIp"),
            Ipv6DestCidrIp = Get("Ipv6DestCidrIp"),
            DestGroupId = Get("DestGroupId"),
            DestGroupOwnerAccount = Get("DestGroupOwnerAccount"),
            DestPrefixListId = Get("DestPrefixListId"),
            NicType = Get("NicType"),
            Description = Get("Description"),
        });
    }

    private static void CheckColumn(string name)
    {
        if (!Columns.Contains(name, StringComparer.Ordinal))
        {
            throw Bad($"Unknown column \"{name}\". Columns are the Permission fields of DescribeSecurityGroupAttribute.");
        }
    }

    private static void CheckCount(int count)
    {
        if (count > RuleTransferService.MaxImportRows)
        {
            throw Bad($"A file may hold at most {RuleTransferService.MaxImportRows} rules.");
        }
    }

    private static AcsException Bad(string message) => new(AcsErrors.InvalidImportFile, message);

    private sealed record RuleFile(string RegionId, string SecurityGroupId, IReadOnlyList<PermissionItem> Permissions);
}

/// <summary>Serializer options shared with the wire renderer.</summary>
internal static class AcsResponseWriterOptions
{
    public static JsonSerializerOptions Json => Acs.AcsResponseWriter.JsonOptions;
}
