namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Gateway and common errors (alibaba-wire.md 6.1).
    public static readonly AcsErrorCode MissingParameter = new("MissingParameter", 400,
        "The input parameter \"{0}\" that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode MissingRegionId = new("MissingParameter.RegionId", 400,
        "The input parameter RegionId that is mandatory for processing this request is not supplied.");
    public static readonly AcsErrorCode InvalidParameter = new("InvalidParameter", 400,
        "The specified parameter \"{0}\" is not valid.");
    public static readonly AcsErrorCode InvalidParameterRegionIdNull = new("Invalid.Parameter", 403, "The required parameter regionId must be not null.");
    public static readonly AcsErrorCode InvalidParameterDetail = new("InvalidParameter", 400, "{0}");
    public static readonly AcsErrorCode InvalidParameterTooManyItems = new("InvalidParameter", 400,
        "The parameter \"{0}.N\" has more than {1} items.");
    public static readonly AcsErrorCode InvalidRegionIdNotFound = new("InvalidRegionId.NotFound", 404,
        "The specified RegionId does not exist.");
    public static readonly AcsErrorCode InvalidActionNotFound = new("InvalidAction.NotFound", 404,
        "Specified api is not found, please check your url and method.");

    // The emulator endpoints' own refusals (ADR-004): an unknown path, a method the path does not serve, a body that is not JSON.
    public static readonly AcsErrorCode InvalidApiNotFound = new("InvalidApi.NotFound", 404,
        "Specified api is not found, please check your url and method.");
    public static readonly AcsErrorCode MethodNotAllowed = new("MethodNotAllowed", 405,
        "The specified method is not allowed against this resource.");
    public static readonly AcsErrorCode UnsupportedMediaType = new("InvalidParameter", 415,
        "The content type \"{0}\" is not supported here: send application/json.");
    public static readonly AcsErrorCode InvalidVersion = new("InvalidVersion", 400,
        "Specified parameter Version is not valid.");
    public static readonly AcsErrorCode SignatureDoesNotMatch = new("SignatureDoesNotMatch", 400,
        "Specified signature is not matched with our calculation. server string to sign is:{0}");
    public static readonly AcsErrorCode IncompleteSignature = new("IncompleteSignature", 400,
        "The request signature does not conform to Aliyun standards. {0}");
    public static readonly AcsErrorCode InvalidAccessKeyIdNotFound = new("InvalidAccessKeyId.NotFound", 404,
        "Specified access key is not found.");
    public static readonly AcsErrorCode InvalidTimeStampExpired = new("InvalidTimeStamp.Expired", 400,
        "Specified time stamp or date value is expired.");
    public static readonly AcsErrorCode InvalidTimeStampFormat = new("InvalidTimeStamp.Format", 400,
        "Specified time stamp or date value is not well formatted.");
    public static readonly AcsErrorCode SignatureNonceUsed = new("SignatureNonceUsed", 400,
        "Specified signature nonce was used already.");
    public static readonly AcsErrorCode ThrottlingUser = new("Throttling.User", 400,
        "Request was denied due to user flow control.");
    public static readonly AcsErrorCode UnsupportedSignatureMethod = new("InvalidSignatureMethod", 400,
        "Specified signature method is not supported. {0}");
    public static readonly AcsErrorCode DryRunOperation = new("DryRunOperation", 400,
        "Request validation has been passed with DryRun flag set.");
    public static readonly AcsErrorCode IdempotentParameterMismatch = new("IdempotentParameterMismatch", 400,
        "The request is retried with updated parameters.");
    public static readonly AcsErrorCode InvalidClientTokenMalformed = new("InvalidClientToken.Malformed", 400,
        "The specified parameter ClientToken is not valid.");
    public static readonly AcsErrorCode InvalidPageSizeMalformed = new("InvalidPageSize.Malformed", 400,
        "The specified parameter PageSize is not valid.");
    public static readonly AcsErrorCode InvalidPageNumberMalformed = new("InvalidPageNumber.Malformed", 400,
        "The specified parameter PageNumber is not valid.");
    public static readonly AcsErrorCode InvalidResourceGroupNotFound = new("InvalidResourceGroup.NotFound", 404,
        "The ResourceGroup provided does not exist in our records.");
    public static readonly AcsErrorCode ForbiddenRam = new("Forbidden.RAM", 403,
        "User not authorized to operate on the specified resource, or this API doesn't support RAM. {0}");
    public static readonly AcsErrorCode InternalError = new("InternalError", 500,
        "The request processing has failed due to some unknown error.");
    public static readonly AcsErrorCode ServiceUnavailable = new("ServiceUnavailable", 503,
        "The service is unavailable, please try again later.");
}

public static partial class AcsErrors
{
    // DescribeRegions (alibaba-wire.md 6.6).
    public static readonly AcsErrorCode InvalidAcceptLanguageNotFound = new("InvalidAcceptLanguage.NotFound", 404,
        "The specified AcceptLanguage is not found.");
    public static readonly AcsErrorCode InvalidResourceTypeNotFound = new("InvalidResourceType.NotFound", 404,
        "The ResourceType provided does not exist in our records.");
}
