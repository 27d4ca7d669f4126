namespace SecurityGroups.Api.Swagger;

/// <summary>
/// A request body Swagger UI pre-fills for an emulator endpoint (one per content type). It must work as shown once the
/// IDs it leaves empty (<c>""</c>) are filled with the caller's own; the README walkthrough's values (region, a rule
/// for TCP 22 from 10.0.0.0/8) are what the examples assume.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class RequestExampleAttribute(string body, string contentType = "application/json") : Attribute
{
    public string Body { get; } = body;

    public string ContentType { get; } = contentType;
}
