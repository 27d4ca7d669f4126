namespace SecurityGroups.Api.Acs;

/// <summary>Section <c>Limits</c>: bounds on what one request may carry. Past them: <c>InvalidParameter</c> (400).</summary>
public sealed class AcsLimits
{
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    public int MaxParameters { get; set; } = 4000;

    public int MaxKeyLength { get; set; } = 128;

    public int MaxValueLength { get; set; } = 65536;
}
