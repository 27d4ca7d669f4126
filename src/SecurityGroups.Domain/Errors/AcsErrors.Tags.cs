namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // TagResources, UntagResources, ListTagResources (alibaba-wire.md 6.6; the 404s for missing parameters are Alibaba's).
    public static readonly AcsErrorCode MissingParameterResourceType = new("MissingParameter.ResourceType", 404, "The parameter - ResourceType should not be null.");
    public static readonly AcsErrorCode MissingParameterTags = new("MissingParameter.Tags", 404, "The parameter - Tags should not be null.");
    public static readonly AcsErrorCode MissingParameterRegionIdTag = new("MissingParameter.RegionId", 404, "The parameter - RegionId should not be null.");
    public static readonly AcsErrorCode MissingParameterResourceIds = new("MissingParameter.ResourceIds", 404, "The parameter - ResourceIds should not be null.");
    public static readonly AcsErrorCode InvalidResourceIdNotFound = new("InvalidResourceId.NotFound", 404, "The specified ResourceIds are not found in our records.");
    public static readonly AcsErrorCode NumberExceedResourceIds = new("NumberExceed.ResourceIds", 400, "The maximum number of ResourceIds is exceeded.");
    public static readonly AcsErrorCode OperationDeniedQuotaExceed = new("OperationDenied.QuotaExceed", 400, "The quota of tags on resource is beyond permitted range.");
    public static readonly AcsErrorCode InvalidParameterTagValue = new("InvalidParameter.TagValue", 400, "The parameter Tag.n.Value is given without Tag.n.Key.");
    public static readonly AcsErrorCode NumberExceedTagKeys = new("NumberExceed.TagKeys", 400, "The maximum number of TagKeys is exceeded.");
}
