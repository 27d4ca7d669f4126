namespace SecurityGroups.Domain.Networks;

/// <summary>A private IPv4 address taken from a vSwitch, by an ENI (primary or secondary) or held for another owner.</summary>
public sealed class PrivateIpAddress
{
    public required string VSwitchId { get; init; }

    /// <summary>The address as a 32-bit number, so the allocator can find gaps in order.</summary>
    public required long AddressValue { get; init; }

    public required string Address { get; init; }

    public required string AccountId { get; init; }

    /// <summary>The resource holding it (an ENI ID), empty while merely reserved.</summary>
    public string OwnerId { get; set; } = "";

    public bool IsPrimary { get; set; }
}
