namespace SecurityGroups.Api.Common;

/// <summary>
/// A parameter the server demands unless <see cref="Other"/> is given, checked where Alibaba checks it (the domain, after
/// the region), so it is no validator rule. Swagger marks it required under a condition, as it does conditional validator
/// rules; a functional test finds every parameter the server demands and fails when one is marked neither way.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredUnlessAttribute(string other) : Attribute
{
    public string Other { get; } = other;
}
