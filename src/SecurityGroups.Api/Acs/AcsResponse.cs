using System.Text.Json.Serialization;

namespace SecurityGroups.Api.Acs;

/// <summary>Base of every Action's response: <c>RequestId</c> plus the Action's fields, stamped by <see cref="AcsResultFilter"/>.</summary>
public class AcsResponse
{
    [JsonPropertyOrder(-1)]
    public string? RequestId { get; set; }

    /// <summary>Set when this response is a pure function of a version-cached domain result: rendered once, then copied (<see cref="AcsRenderCache"/>).</summary>
    [JsonIgnore]
    public RenderedFrom? RenderedFrom { get; init; }
}

/// <summary>The Alibaba error envelope.</summary>
public sealed class AcsErrorResponse
{
    public string RequestId { get; init; } = "";

    public string HostId { get; init; } = "";

    public string Code { get; init; } = "";

    public string Message { get; init; } = "";

    public string Recommend { get; init; } = "";
}
