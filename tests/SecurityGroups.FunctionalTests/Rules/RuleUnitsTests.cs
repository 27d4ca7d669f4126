using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecurityGroups.Domain.Persistence;
using SecurityGroups.Domain.Rules;
using SecurityGroups.Domain.Traffic;

namespace SecurityGroups.FunctionalTests.Rules;

/// <summary>
/// Quota units are computed twice: summed by SQLite for quota checks (<see cref="RuleQuota.UnitsOfGroupsAsync"/>) and
/// counted in memory for findings from the lists they read (<see cref="RuleReferences.Units"/>). Both must give the documented figure.
/// </summary>
public sealed class RuleUnitsTests(EmulatorFactory factory) : RuleTest(factory)
{
    [Fact]
    public async Task SqlSumAndInMemoryCounter_AgreeOnEveryKindOfRule()
    {
        await Arrange();
        var three = await PrefixList(3);
        var five = await PrefixList(5);
        var ports = (await Client.Ecs("CreatePortRangeList", ("RegionId", "cn-hangzhou"), ("MaxEntries", "4"), ("PortRangeListName", "web"))).Ok()
            .GetProperty("PortRangeListId").GetString()!;
        (await Ingress([.. Ssh(1), .. Perm(2, ("IpProtocol", "TCP"), ("PortRange", "80/80"), ("SourcePrefixListId", three)),
            .. Perm(3, ("IpProtocol", "TCP"), ("PortRangeListId", ports), ("SourceCidrIp", "10.0.0.0/8")),
            .. Perm(4, ("IpProtocol", "TCP"), ("PortRangeListId", ports), ("SourcePrefixListId", three))])).Ok();
        (await Egress(Perm(1, ("IpProtocol", "UDP"), ("PortRange", "53/53"), ("DestPrefixListId", five)))).Ok();
        (await Ingress(Ssh(1, "172.16.0.0/12"))).Ok();
        (await Client.Ecs("AuthorizeSecurityGroup", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", Peer), ("Permissions.1.IpProtocol", "TCP"),
            ("Permissions.1.PortRange", "443/443"), ("Permissions.1.SourcePrefixListId", five))).Ok();

        await using var scope = Factory.Services.CreateAsyncScope();
        var quota = scope.ServiceProvider.GetRequiredService<RuleQuota>();
        var db = scope.ServiceProvider.GetRequiredService<EmulatorDbContext>();
        var rules = await db.SecurityGroupRules.AsNoTracking().Where(r => r.SecurityGroupId == Group).ToListAsync();
        var references = new RuleReferences(db);
        await references.LoadAsync(rules, CancellationToken.None);

        const int expected = 1 + 3 + 4 + (3 * 4) + 5 + 1; // plain, prefix list, port list, both (the product), egress list, plain
        Assert.Equal(expected, rules.Sum(references.Units));
        Assert.Equal(expected, await quota.UnitsOfGroupsAsync([Group], null, CancellationToken.None));
        Assert.Equal(expected + 5, await quota.UnitsOfGroupsAsync([Group, Peer], null, CancellationToken.None));
        var both = rules.Single(r => r.PortRangeListId.Length > 0 && r.SourcePrefixListId.Length > 0);
        Assert.Equal(expected - 12, await quota.UnitsOfGroupsAsync([Group], both.SecurityGroupRuleId, CancellationToken.None));
        Assert.Equal(0, await quota.UnitsOfGroupsAsync(["sg-none"], null, CancellationToken.None));
    }

    private async Task<string> PrefixList(int maxEntries) =>
        (await Client.Ecs("CreatePrefixList", ("RegionId", "cn-hangzhou"), ("AddressFamily", "IPv4"),
            ("MaxEntries", maxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("PrefixListName", "l" + maxEntries))).Ok()
            .GetProperty("PrefixListId").GetString()!;
}
