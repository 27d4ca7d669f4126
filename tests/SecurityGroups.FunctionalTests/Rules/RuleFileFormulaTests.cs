using System.Text;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Rules;

/// <summary>
/// CSV export neutralises cells a spreadsheet would run as formulas (OWASP "CSV injection": a leading <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, tab or carriage return gets a leading <c>'</c>), and import reads the file back to exactly the
/// rules that were exported.
/// </summary>
public sealed class RuleFileFormulaTests(EmulatorFactory factory) : RuleTest(factory)
{
    private static readonly string[] Hostile =
    [
        "=cmd|' /C calc'!A0",
        "+SUM(1,2)",
        "-2+3 ssh for ops",
        "@IMPORTXML(\"http://x\",\"//a\")",
        "'=already quoted",
        "''double",
        "'plain quote",
        "- a dash list item",
        "=",
        "'",
    ];

    [Fact]
    public async Task CsvExport_PrefixesFormulaCellsWithAQuote()
    {
        await Arrange();
        (await Ingress(Rule(1, "=cmd|' /C calc'!A0", 22))).Ok();
        (await Ingress(Rule(1, "@SUM(A1)", 23))).Ok();

        var csv = await Export(Group);

        Assert.DoesNotContain(",=cmd", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",@SUM", csv, StringComparison.Ordinal);
        Assert.Contains("'=cmd|' /C calc'!A0", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", csv, StringComparison.Ordinal);
        foreach (var cell in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line => line.Split(',')))
        {
            Assert.False(cell.TrimStart('"') is ['=' or '+' or '-' or '@' or '\t' or '\r', ..], $"formula cell exported: {cell}");
        }
    }

    [Fact]
    public async Task CsvRoundTrip_KeepsHostileDescriptionsExactly()
    {
        await Arrange();
        for (var i = 0; i < Hostile.Length; i++)
        {
            (await Ingress(Rule(1, Hostile[i], 1000 + i))).Ok();
        }

        (await Ingress(Perm(1, ("IpProtocol", "ICMP"), ("PortRange", "-1/-1"), ("SourceCidrIp", "10.0.0.0/8"), ("Description", "-1 icmp")))).Ok();
        var fresh = await CreateGroup(VpcId);

        var result = await Import(fresh, await Export(Group));

        Assert.Equal(Hostile.Length + 1, result.GetProperty("Imported").GetInt32());
        Assert.Equal(Descriptions(await Rules()), Descriptions(await Rules(group: fresh)));
        Assert.Contains("-1 icmp", Descriptions(await Rules(group: fresh)));
        Assert.Equal(Hostile.Order(StringComparer.Ordinal), Descriptions(await Rules(group: fresh)).Where(d => d != "-1 icmp"));
    }

    [Fact]
    public async Task CsvImport_OfAHandWrittenFile_StripsOnlyTheEscapingQuote()
    {
        await Arrange();
        const string Csv = "Direction,IpProtocol,PortRange,SourceCidrIp,Description\n"
            + "ingress,TCP,22/22,10.0.0.0/8,'=1+1\n"
            + "ingress,TCP,23/23,10.0.0.0/8,'not a formula\n"
            + "ingress,TCP,24/24,10.0.0.0/8,-plain dash\n";

        (await Import(Group, Csv)).GetProperty("Imported").GetInt32();

        Assert.Equal(["'not a formula", "-plain dash", "=1+1"], Descriptions(await Rules()));
    }

    private static (string, string)[] Rule(int n, string description, int port) =>
        Perm(n, ("IpProtocol", "TCP"), ("PortRange", $"{port}/{port}"), ("SourceCidrIp", "10.0.0.0/8"), ("Description", description));

    private static List<string> Descriptions(List<JsonElement> rules) =>
        [.. rules.Select(r => r.GetProperty("Description").GetString()!).Order(StringComparer.Ordinal)];

    private async Task<string> Export(string group)
    {
        using var response = await Client.Http.GetAsync($"/_emulator/security-groups/{group}/rules?RegionId=cn-hangzhou&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<JsonElement> Import(string group, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/_emulator/security-groups/{group}/rules?RegionId=cn-hangzhou")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        return (await Client.Send(request)).Ok();
    }
}
