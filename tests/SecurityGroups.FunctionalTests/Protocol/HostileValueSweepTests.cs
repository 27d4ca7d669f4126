using System.Collections;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SecurityGroups.Api.Acs;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// Never a 5xx for bad input, on every parameter of every Action: found by reflection (the request model each
/// <c>[AcsAction]</c> binds, its nested objects and the fields of its list items), so a new Action or parameter is swept
/// without touching this test. Each parameter gets hostile values of its kind (numbers out of range or not numbers, broken
/// JSON, control characters, huge strings, impossible times) beside real IDs of the caller's own resources, so that the
/// request reaches the Action's own checks rather than stopping at "not found". Seeded, so a failure repeats.
/// </summary>
public sealed class HostileValueSweepTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    private const string Region = "cn-hangzhou";

    private static readonly string Huge = new('a', 5000);

    private static readonly string[] NumberValues = ["-1", "99999999999999999999", "1.5", "x", "", "1e309", "0x10", " 7"];

    private static readonly string[] BoolValues = ["maybe", "", "2", "TRUE ", "yes"];

    private static readonly string[] TextValues =
    [
        "", "\u0000", "💥\u202e", "[", "{\"a\":", "2026-13-45T99:99Z", "%FF", "../../x", "-1", "null", "[\"i-x\",", "[1,2]",
        "{}", "[\"\"]", "[null]", "99999999999999999999", "*", "a,b,,c", "0/0", "1/70000", "::/999", "10.0.0.0/33", " ",
    ];

    [Fact]
    public async Task EveryParameterOfEveryAction_WithHostileValues_NeverGets5xx()
    {
        var ids = await ArrangeAsync();
        var random = new Random(20261204);
        var failures = new List<string>();
        var calls = 0;
        // Deletions last, so that the other Actions still find the resources.
        foreach (var (action, version, keys) in Discover().OrderBy(a => a.Action.StartsWith("Delete", StringComparison.Ordinal) || a.Action.StartsWith("Release", StringComparison.Ordinal))
                     .ThenBy(a => a.Action, StringComparer.Ordinal))
        {
            var context = keys.Where(k => ids.ContainsKey(k.Key)).Select(k => (k.Key, ids[k.Key])).ToList();
            foreach (var (key, kind) in keys)
            {
                var values = kind switch
                {
                    ValueKind.Number => NumberValues,
                    ValueKind.Bool => BoolValues,
                    // Always what a storage with column lengths and text encodings refuses (PostgreSQL), then a sample.
                    _ => [Huge, "a\u0000b", .. TextValues.OrderBy(_ => random.Next()).Take(3)],
                };
                foreach (var value in values)
                {
                    (string, string)[] parameters = [("RegionId", Region), .. context.Where(c => c.Key != key), (key, value)];
                    var result = await Client.Call(action, version, AcsStyle.Query, parameters);
                    calls++;
                    if ((int)result.Status >= 500)
                    {
                        failures.Add($"{action} {version} {key}={Show(value)}: {(int)result.Status} {result.Text[..Math.Min(200, result.Text.Length)]}");
                    }
                }
            }
        }

        Assert.True(calls > 3000, $"only {calls} calls: the discovery found too few parameters");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(200)));
    }

    private static string Show(string value) => value.Length > 40 ? $"<{value.Length} chars>" : JsonSerializer.Serialize(value);

    private async Task<Dictionary<string, string>> ArrangeAsync()
    {
        var vpcId = await CreateVpc("10.0.0.0/8", Region);
        var vSwitchId = await CreateVSwitch(vpcId, "10.1.0.0/16");
        var groupId = await CreateGroup(vpcId);
        var instanceId = (await Client.Ecs("RunInstances", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId))).Ok()
            .GetProperty("InstanceIdSets").GetProperty("InstanceIdSet")[0].GetString()!;
        var eniId = (await Client.Ecs("CreateNetworkInterface", ("RegionId", Region), ("VSwitchId", vSwitchId), ("SecurityGroupId", groupId))).Ok()
            .GetProperty("NetworkInterfaceId").GetString()!;
        var diskId = (await Client.Ecs("DescribeDisks", ("RegionId", Region), ("InstanceId", instanceId))).Ok()
            .GetProperty("Disks").GetProperty("Disk")[0].GetProperty("DiskId").GetString()!;
        var prefixListId = (await Client.Ecs("CreatePrefixList", ("RegionId", Region), ("PrefixListName", "pl"), ("AddressFamily", "IPv4"), ("MaxEntries", "5"),
            ("Entry.1.Cidr", "10.0.0.0/8"))).Ok().GetProperty("PrefixListId").GetString()!;
        var portRangeListId = (await Client.Ecs("CreatePortRangeList", ("RegionId", Region), ("PortRangeListName", "prl"), ("MaxEntries", "5"),
            ("Entry.1.PortRange", "80/80"))).Ok().GetProperty("PortRangeListId").GetString()!;
        static string Json(string id) => JsonSerializer.Serialize(new[] { id });
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VpcId"] = vpcId, ["VSwitchId"] = vSwitchId, ["SecurityGroupId"] = groupId, ["InstanceId"] = instanceId, ["InstanceIds"] = Json(instanceId),
            ["NetworkInterfaceId"] = eniId, ["DiskId"] = diskId, ["DiskIds"] = Json(diskId), ["diskIds"] = Json(diskId), ["PrefixListId"] = prefixListId,
            ["PortRangeListId"] = portRangeListId, ["ResourceId"] = groupId,
        };
    }

    private enum ValueKind
    {
        Text,
        Number,
        Bool,
    }

    /// <summary>Every Action with every wire key its request model binds: scalars by name, nested objects as <c>A.B</c>,
    /// list items as <c>A.1</c> or <c>A.1.Field</c>.</summary>
    private static List<(string Action, string Version, List<(string Key, ValueKind Kind)> Keys)> Discover()
    {
        var found = new List<(string, string, List<(string, ValueKind)>)>();
        foreach (var controller in typeof(Program).Assembly.GetTypes())
        {
            if (controller.GetCustomAttribute<AcsProductAttribute>() is not { } product)
            {
                continue;
            }

            foreach (var method in controller.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.IsDefined(typeof(AcsActionAttribute), false)))
            {
                var keys = new List<(string, ValueKind)>();
                foreach (var parameter in method.GetParameters().Where(p => p.IsDefined(typeof(FromQueryAttribute), false)))
                {
                    Walk(parameter.ParameterType, "", keys, depth: 0);
                }

                found.Add((method.Name, product.Version, keys));
            }
        }

        return found;
    }

    private static void Walk(Type model, string prefix, List<(string, ValueKind)> keys, int depth)
    {
        if (depth > 3)
        {
            return;
        }

        foreach (var property in model.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.SetMethod is not null))
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var wire = prefix + property.Name;
            if (Kind(type) is { } kind)
            {
                keys.Add((wire, kind));
            }
            else if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
            {
                var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
                item = Nullable.GetUnderlyingType(item) ?? item;
                if (Kind(item) is { } itemKind)
                {
                    keys.Add((wire + ".1", itemKind));
                }
                else
                {
                    Walk(item, wire + ".1.", keys, depth + 1);
                }
            }
            else if (type.IsClass)
            {
                Walk(type, wire + ".", keys, depth + 1);
            }
        }
    }

    private static ValueKind? Kind(Type type) =>
        type == typeof(string) || type.IsEnum ? ValueKind.Text
        : type == typeof(bool) ? ValueKind.Bool
        : type.IsPrimitive || type == typeof(decimal) ? ValueKind.Number
        : null;
}
