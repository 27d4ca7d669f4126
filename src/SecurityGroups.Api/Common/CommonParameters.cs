namespace SecurityGroups.Api.Common;

/// <summary>The owner parameters every Alibaba Action accepts and this emulator ignores.</summary>
public abstract class CommonParameters
{
    /// <summary>Accepted and ignored (the account comes from the AccessKey).</summary>
    public long? OwnerId { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? OwnerAccount { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public long? ResourceOwnerId { get; set; }

    /// <summary>Accepted and ignored.</summary>
    public string? ResourceOwnerAccount { get; set; }
}
