namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Instance settings: metadata options, automatic release, maintenance, deployment set, private pool, credit mode
    // (RunInstances / CreateInstance and the Modify* Actions of docs/actions.md, "Instance settings").
    public static readonly AcsErrorCode InvalidHttpEndpointNotSupported = new("InvalidHttpEndpoint.NotSupported", 400,
        "The specified HttpEndpoint not supported, you can use enabled(default) or disabled.");
    public static readonly AcsErrorCode InvalidHttpTokensNotSupported = new("InvalidHttpTokens.NotSupported", 400,
        "The specified HttpTokens not supported, you can use optional(default) or required.");
    public static readonly AcsErrorCode InvalidHttpPutResponseHopLimitNotSupported = new("InvalidHttpPutResponseHopLimit.NotSupported", 400,
        "The specified HttpPutResponseHopLimit not supported, more than 1 and less than 64 is reasonable.");
    public static readonly AcsErrorCode InvalidAutoReleaseTimeMalformed = new("InvalidAutoReleaseTime.Malformed", 400,
        "The specified parameter autoReleaseTime is not valid.");
}
