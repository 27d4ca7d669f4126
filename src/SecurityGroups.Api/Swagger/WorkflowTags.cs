using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SecurityGroups.Api.Swagger;

/// <summary>
/// Swagger UI's groups, in the order a newcomer works: a network first, then groups and their rules, then instances, then
/// the emulator's questions about traffic. Each controller belongs to one group; a controller missing here shows under
/// its own name after these (and a functional test names it).
/// </summary>
internal sealed class WorkflowTags : IDocumentFilter
{
    public static readonly IReadOnlyList<(string Name, string Description, string[] Controllers)> Groups =
    [
        ("Regions", "Regions and zones of the catalogue (ECS 2014-05-26 and VPC 2016-04-28).", ["Regions", "VpcRegions"]),
        ("VPCs", "Virtual private clouds and their route tables (VPC 2016-04-28).", ["Vpcs", "VpcResourceGroups"]),
        ("vSwitches", "Subnets of a VPC in one zone (VPC 2016-04-28).", ["VSwitches"]),
        ("Security groups", "Security groups of a VPC (ECS 2014-05-26).", ["SecurityGroups"]),
        ("Rules", "Ingress and egress rules of a security group (ECS 2014-05-26).", ["SecurityGroupRules"]),
        ("Lists", "Prefix lists and port range lists that rules refer to (ECS 2014-05-26).", ["PrefixLists", "PortRangeLists"]),
        ("Instances", "Instances (a model without machines), their zones, images and types (ECS 2014-05-26).", ["Instances", "InstanceLifecycle", "InstanceAttributes", "InstanceSettings", "InstanceSpec", "Disks", "Compute"]),
        ("ENIs", "Elastic network interfaces: where security groups apply (ECS 2014-05-26).", ["NetworkInterfaces", "NetworkInterfacePermissions"]),
        ("Tags", "Tags and resource groups (ECS 2014-05-26 and VPC 2016-04-28).", ["Tags", "LegacyTags", "VpcTags", "ResourceGroups"]),
        ("Traffic", "Is this traffic allowed, and why: the emulator's rule engine over the current state.", ["Traffic", "Findings"]),
        ("Emulator", "The emulator's own endpoints: health, reset, the local CA, rule files, clone, flags and snapshots.",
            ["Emulator", "CaCertificate", "RuleTransfer", "SecurityGroupFlags", "Snapshots"]),
    ];

    private static readonly Dictionary<string, int> GroupOfController = Groups
        .SelectMany((group, index) => group.Controllers.Select(c => (c, index)))
        .ToDictionary(x => x.c, x => x.index, StringComparer.Ordinal);

    public static string TagOf(ApiDescription description) =>
        ControllerName(description) is { } controller && GroupOfController.TryGetValue(controller, out var index) ? Groups[index].Name : ControllerName(description) ?? "";

    /// <summary>Sort key of an operation: its group, then its controller, then the method's place in the controller's source.</summary>
    public static string SortKey(ApiDescription description)
    {
        var controller = ControllerName(description) ?? "";
        var group = GroupOfController.TryGetValue(controller, out var index) ? index : Groups.Count;
        var place = group < Groups.Count ? Array.IndexOf(Groups[group].Controllers, controller) : 0;
        var token = (description.ActionDescriptor as ControllerActionDescriptor)?.MethodInfo.MetadataToken ?? 0;
        return $"{group:D2}|{place:D2}|{controller}|{token:D10}|{description.HttpMethod}";
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var used = document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var tags = new SortedSet<OpenApiTag>(Comparer<OpenApiTag>.Create((a, b) => Order(a.Name).CompareTo(Order(b.Name))));
        foreach (var name in used)
        {
            tags.Add(new OpenApiTag { Name = name, Description = Groups.FirstOrDefault(g => g.Name == name).Description });
        }

        document.Tags = tags;

        // Swagger UI shows a summary as plain text (descriptions are Markdown): no code marks there.
        foreach (var operation in document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []))
        {
            operation.Summary = operation.Summary?.Replace("`", "", StringComparison.Ordinal);
        }
    }

    /// <summary>A group's place; names outside the workflow after it, alphabetically.</summary>
    private static (int, string) Order(string? name)
    {
        var index = Groups.ToList().FindIndex(g => g.Name == name);
        return (index < 0 ? Groups.Count : index, name ?? "");
    }

    private static string? ControllerName(ApiDescription description) => (description.ActionDescriptor as ControllerActionDescriptor)?.ControllerName;
}
