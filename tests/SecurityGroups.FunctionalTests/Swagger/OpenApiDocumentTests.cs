using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;
using SecurityGroups.Api.Common;
using SecurityGroups.FunctionalTests.Emulator;

namespace SecurityGroups.FunctionalTests.Swagger;

/// <summary>
/// The OpenAPI document against the server itself: what a request must carry is marked required, every request-model
/// property is a parameter, groups come in the order of a workflow, and the emulator endpoints' examples work.
/// </summary>
public sealed partial class OpenApiDocumentTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private static readonly string[] WorkflowOrder =
        ["Regions", "VPCs", "vSwitches", "Security groups", "Rules", "Lists", "Instances", "ENIs", "Tags", "Traffic", "Emulator"];

    private sealed record Operation(string Path, string Method, JsonElement Body)
    {
        public string Action => Uri.UnescapeDataString(Path.Split("Action=")[1].Split('&')[0]);

        public string Version => Path.Split("Version=")[1];

        public IEnumerable<JsonElement> Parameters => Body.TryGetProperty("parameters", out var p) ? p.EnumerateArray() : [];

        public HashSet<string> Required => [.. Parameters.Where(p => p.TryGetProperty("required", out var r) && r.GetBoolean()).Select(p => p.GetProperty("name").GetString()!)];

        /// <summary>Required under a condition the description states (<c>RegionId</c> unless <c>VpcId</c> is given).</summary>
        public HashSet<string> RequiredWhen => [.. Parameters.Where(p => p.TryGetProperty("x-required-when", out _)).Select(p => p.GetProperty("name").GetString()!)];

        public HashSet<string> Names => [.. Parameters.Select(p => p.GetProperty("name").GetString()!)];
    }

    private async Task<JsonElement> Document()
    {
        using var response = await Client.Http.GetAsync("/swagger/v1/swagger.json");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<List<Operation>> Operations() =>
        [.. (await Document()).GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => new Operation(path.Name, op.Name, op.Value)))];

    private static List<Operation> Actions(IEnumerable<Operation> operations) => [.. operations.Where(o => o.Path.StartsWith("/?Action=", StringComparison.Ordinal))];

    [Fact]
    public async Task EveryParameterTheServerDemands_IsRequiredInTheDocument()
    {
        var checkedActions = 0;
        foreach (var operation in Actions(await Operations()))
        {
            var sent = new List<(string, string)>();
            for (var step = 0; step < 10; step++)
            {
                var result = await Client.Call(operation.Action, operation.Version, AcsStyle.Query, [.. sent]);
                if (OnlyMissing(result) is not { } missing)
                {
                    break;
                }

                // A list is named without its index (InstanceId; Alibaba's codes sometimes in the plural: MissingParameter.ResourceIds):
                // its first element is the parameter (InstanceId.1, or Tag.1.Key and Tag.1.Value for a list of objects).
                var names = operation.Names.Where(n => new[] { missing, missing.TrimEnd('s') }
                    .Any(m => n == m || n == m + ".1" || n.StartsWith(m + ".1.", StringComparison.Ordinal))).ToList();
                Assert.True(names.Count > 0 && names.All(n => operation.Required.Contains(n) || operation.RequiredWhen.Contains(n)),
                    $"{operation.Action}: the server answers MissingParameter for {missing}, which the document does not mark required ({string.Join(", ", names)})");
                sent.AddRange(names.Select(n => (n, Value(operation, n))));
            }

            checkedActions++;
        }

        Assert.True(checkedActions > 70, $"only {checkedActions} Actions in the document");
    }

    [Fact]
    public async Task EveryRequiredParameter_LeftOut_IsMissingParameter()
    {
        var marked = 0;
        foreach (var operation in Actions(await Operations()))
        {
            foreach (var name in operation.Required)
            {
                var others = operation.Required.Where(r => r != name).Select(r => (r, Value(operation, r))).ToArray();
                var result = await Client.Call(operation.Action, operation.Version, AcsStyle.Query, others);
                Assert.True(IsMissing(result) && result.Text.Contains(name.EndsWith(".1", StringComparison.Ordinal) ? name[..^2] : name, StringComparison.OrdinalIgnoreCase),
                    $"{operation.Action} without {name}: {result.Text}");
                marked++;
            }
        }

        Assert.True(marked > 80, $"only {marked} required parameters in the document");
    }

    [Fact]
    public async Task EveryRequestModelProperty_IsAParameter()
    {
        var operations = Actions(await Operations());
        var ignored = typeof(CommonParameters).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var count = 0;
        foreach (var controller in typeof(Program).Assembly.GetTypes().Where(t => t.GetCustomAttribute<AcsProductAttribute>() is not null))
        {
            var version = controller.GetCustomAttribute<AcsProductAttribute>()!.Version;
            foreach (var method in controller.GetMethods().Where(m => m.IsDefined(typeof(AcsActionAttribute), false)))
            {
                var operation = operations.Single(o => o.Action == method.Name && o.Version == version);
                var names = operation.Names;
                var model = method.GetParameters().Single(p => p.IsDefined(typeof(FromQueryAttribute), false)).ParameterType;
                foreach (var property in model.GetProperties().Where(p => !ignored.Contains(p.Name)))
                {
                    Assert.True(names.Contains(property.Name) || names.Any(n => n.StartsWith(property.Name + ".", StringComparison.Ordinal)),
                        $"{method.Name}: {property.Name} of {model.Name} is not a parameter");
                    count++;
                }

                Assert.DoesNotContain(names, ignored.Contains);
            }
        }

        // Lists inside list items too, under their flattened key (TagFilter.1.TagValues.1).
        foreach (var list in ActionListParameters.All)
        {
            var operation = operations.Single(o => o.Action == list.Action && o.Version == list.Version);
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, list.ItemKey, 1), operation.Names);
        }

        Assert.True(count > 500, $"only {count} request-model properties");
    }

    [Fact]
    public async Task Groups_FollowTheWorkflow_AndSummariesArePlainText()
    {
        var document = await Document();
        Assert.Equal(WorkflowOrder, document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        var operations = await Operations();
        foreach (var operation in operations)
        {
            var tags = operation.Body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.True(tags.Count == 1 && WorkflowOrder.Contains(tags[0]), $"{operation.Path} {operation.Method}: tags {string.Join(",", tags)}");
            var summary = operation.Body.TryGetProperty("summary", out var s) ? s.GetString() : null;
            Assert.DoesNotContain("`", summary ?? "", StringComparison.Ordinal);
        }

        // Swagger UI lists groups in the document's tag order, and operations in path order: the first Action of each group comes in that order.
        var firstOfGroup = operations.Select(o => o.Body.GetProperty("tags")[0].GetString()!).Distinct().ToList();
        Assert.Equal(WorkflowOrder, firstOfGroup);
        Assert.StartsWith("/?Action=CreateVpc&", operations.First(o => o.Body.GetProperty("tags")[0].GetString() == "VPCs").Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Examples_NeverPreFillAnIdTheCallerDoesNotHave()
    {
        var prefilled = 0;
        foreach (var operation in await Operations())
        {
            foreach (var parameter in operation.Parameters)
            {
                var name = parameter.GetProperty("name").GetString()!;
                var example = parameter.TryGetProperty("example", out var e) ? e
                    : parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("example", out var se) ? se : default;
                if (example.ValueKind == JsonValueKind.Undefined)
                {
                    continue;
                }

                prefilled++;
                Assert.False(example.ValueKind == JsonValueKind.String && ResourceId().IsMatch(example.GetString()!),
                    $"{operation.Path}: {name} is pre-filled with {example}, an ID nobody has");
            }
        }

        Assert.True(prefilled > 50, $"only {prefilled} pre-filled parameters");
        var createVSwitch = (await Operations()).Single(o => o.Path.Contains("Action=CreateVSwitch&", StringComparison.Ordinal));
        var vpcId = createVSwitch.Parameters.Single(p => p.GetProperty("name").GetString() == "VpcId");
        Assert.Contains("vpc-", vpcId.GetProperty("description").GetString(), StringComparison.Ordinal); // still shown
        Assert.Equal("cn-hangzhou-h", createVSwitch.Parameters.Single(p => p.GetProperty("name").GetString() == "ZoneId").GetProperty("example").GetString());
    }

    [Fact]
    public async Task EmulatorPostExamples_WorkOnceTheirIdsAreFilledIn()
    {
        var vpcId = await CreateVpc();
        var vSwitchId = await CreateVSwitch(vpcId);
        var groupId = await CreateGroup(vpcId);
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", groupId), ("IpProtocol", "TCP"),
            ("PortRange", "22/22"), ("SourceCidrIp", "10.0.0.0/8"))).Ok();
        var instanceId = (await Client.Ecs("RunInstances", ("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId)))
            .Ok().GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;

        var snapshotId = (await SnapshotTests.Emulator(Client, HttpMethod.Post, "/_emulator/snapshots", """{"RegionId":"cn-hangzhou"}""")).Ok()
            .GetProperty("SnapshotId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var posts = (await Operations()).Where(o => o.Path.StartsWith("/_emulator/", StringComparison.Ordinal) && o.Method == "post").ToList();
        Assert.True(posts.Count >= 8, string.Join(", ", posts.Select(p => p.Path)));
        foreach (var operation in posts.OrderBy(o => o.Path.EndsWith("/reset", StringComparison.Ordinal))) // reset last: it empties the account
        {
            Assert.True(operation.Body.TryGetProperty("requestBody", out var body), $"{operation.Path}: no request body");
            foreach (var media in body.GetProperty("content").EnumerateObject())
            {
                Assert.True(media.Value.TryGetProperty("example", out var example), $"{operation.Path} {media.Name}: no example");
                var text = example.ValueKind == JsonValueKind.String ? example.GetString()! : System.Text.Json.Nodes.JsonNode.Parse(example.GetRawText())!.ToJsonString();
                text = text.Replace("\"InstanceId\":\"\"", $"\"InstanceId\":\"{instanceId}\"", StringComparison.Ordinal)
                    .Replace("VpcId\":\"\"", $"VpcId\":\"{vpcId}\"", StringComparison.Ordinal);
                Assert.DoesNotContain("\"\"", text, StringComparison.Ordinal);
                using var content = new StringContent(text, System.Text.Encoding.UTF8, media.Name);
                var query = string.Join('&', operation.Parameters.Where(p => p.GetProperty("in").GetString() == "query" && p.TryGetProperty("example", out _))
                    .Select(p => $"{p.GetProperty("name").GetString()}={Uri.EscapeDataString(p.GetProperty("example").GetString()!)}"));
                var path = operation.Path.Replace("{SecurityGroupId}", groupId, StringComparison.Ordinal).Replace("{SnapshotId}", snapshotId, StringComparison.Ordinal)
                    + (query.Length > 0 ? "?" + query : "");
                using var response = await Client.Http.PostAsync(path, content);
                var answer = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation.Path} {media.Name} with {text}: {(int)response.StatusCode} {answer}");
                if (operation.Path.EndsWith("/evaluate", StringComparison.Ordinal))
                {
                    Assert.Equal("Accept", JsonDocument.Parse(answer).RootElement.GetProperty("Decision").GetString());
                }
            }
        }

        var evaluate = posts.Single(o => o.Path == "/_emulator/traffic/evaluate").Body.GetProperty("responses").GetProperty("200")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("oneOf");
        Assert.Equal(["#/components/schemas/EvaluateResponse", "#/components/schemas/EvaluateBatchResponse"],
            evaluate.EnumerateArray().Select(s => s.GetProperty("$ref").GetString()));
    }

    [Fact]
    public async Task EmulatorParameters_AreCasedAsInTheReadme()
    {
        foreach (var operation in (await Operations()).Where(o => o.Path.StartsWith("/_emulator/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("{securityGroupId}", operation.Path, StringComparison.Ordinal);
            foreach (var name in operation.Names.Where(n => n != "format"))
            {
                Assert.True(char.IsUpper(name[0]), $"{operation.Path}: parameter {name}");
            }
        }
    }

    /// <summary>The single parameter a MissingParameter answer names (none when it names a choice of two, or is another error).</summary>
    private static string? OnlyMissing(AcsResult result)
    {
        if (!IsMissing(result))
        {
            return null;
        }

        if (result.Code == "Invalid.Parameter")
        {
            var name = result.Json.GetProperty("Message").GetString()!.Split(' ')[3];
            return char.ToUpperInvariant(name[0]) + name[1..];
        }

        var named = QuotedName().Matches(result.Json.GetProperty("Message").GetString()!).Select(m => m.Groups[1].Value).Distinct().ToList();
        var code = result.Code!;
        var suffix = code[(code.IndexOf('.', StringComparison.Ordinal) + 1)..];
        return named.Count == 1 ? named[0] : code.Contains('.', StringComparison.Ordinal) && suffix is not ("Source" or "Dest") ? suffix : null;
    }

    /// <summary>MissingParameter, with or without a suffix, and Alibaba's own misspelling <c>MissingParamter.RegionId</c> (ModifySecurityGroupPolicy).</summary>
    // DescribeAccountAttributes answers a missing RegionId as its reference page says: Invalid.Parameter (403), "The required parameter regionId must be not null."
    private static bool IsMissing(AcsResult result) =>
        result.Code is { } code && (code.StartsWith("MissingParameter", StringComparison.Ordinal) || code.StartsWith("MissingParamter", StringComparison.Ordinal)
            || (code == "Invalid.Parameter" && result.Text.Contains("The required parameter ", StringComparison.Ordinal)));

    /// <summary>A value to send for a parameter: its example, else one that passes a syntactic check of its type.</summary>
    private static string Value(Operation operation, string name)
    {
        var parameter = operation.Parameters.Single(p => p.GetProperty("name").GetString() == name);
        if (parameter.TryGetProperty("example", out var example))
        {
            return example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
        }

        return parameter.GetProperty("schema").TryGetProperty("type", out var type) ? type.GetString() switch
        {
            "integer" or "number" => "1",
            "boolean" => "true",
            _ => "x-1",
        } : "x-1";
    }

    [GeneratedRegex("^(vpc|vsw|sg|i|eni|pl|prl|rg|vtb|vrt|sgr)-[0-9a-z*]{6,}$")]
    private static partial Regex ResourceId();

    [GeneratedRegex("\"([A-Za-z0-9.]+)\"")]
    private static partial Regex QuotedName();
}
