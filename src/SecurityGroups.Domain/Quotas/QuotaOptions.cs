namespace SecurityGroups.Domain.Quotas;

/// <summary>Section <c>Quotas</c>: every limit, defaults from Alibaba Cloud.</summary>
public sealed class QuotaOptions
{
    public int SecurityGroupsPerRegion { get; set; } = 100;
    public int RulesPerSecurityGroup { get; set; } = 200;
    public int RulesPerNetworkInterface { get; set; } = 1000;
    public int SecurityGroupsPerNetworkInterface { get; set; } = 10;
    public int GroupReferenceRulesPerSecurityGroup { get; set; } = 20;
    public int PrivateIpsPerBasicSecurityGroup { get; set; } = 6000;
    public int NetworkInterfacesPerEnterpriseSecurityGroup { get; set; } = 65536;
    public int PrefixListsPerRegion { get; set; } = 100;
    public int PortRangeListsPerRegion { get; set; } = 1000;
    public int TagsPerResource { get; set; } = 20;

    /// <summary>VPCs per region (Alibaba: 10).</summary>
    public int VpcsPerRegion { get; set; } = 10;

    /// <summary>vSwitches per VPC (Alibaba: 150).</summary>
    public int VSwitchesPerVpc { get; set; } = 150;
}
