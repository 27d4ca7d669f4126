namespace SecurityGroups.Domain.Errors;

public static partial class AcsErrors
{
    // Prefix lists and port range lists (alibaba-wire.md 6.5).
    public static readonly AcsErrorCode NotAllowedAssociationExist = new("NotAllowed.AssociationExist", 400, "The specified prefix list has associated resources.");
    public static readonly AcsErrorCode InvalidParameterAddressFamily = new("InvalidParameter.AddressFamily", 400, "The parameter AddressFamily should be IPv4 or IPv6.");
    public static readonly AcsErrorCode InvalidParameterPrefixListName = new("InvalidParameter.PrefixListName", 400, "The parameter PrefixListName is not valid.");
    public static readonly AcsErrorCode InvalidParameterCidrMalformed = new("InvalidParameter.CidrMalformed", 400, "The specified CIDR block {0} is not valid.");
    public static readonly AcsErrorCode InvalidParameterCidrDuplicated = new("InvalidParameter.CidrDuplicated", 400, "The specified CIDR block {0} is duplicated.");
    public static readonly AcsErrorCode LimitExceedEntry = new("LimitExceed.Entry", 400, "The number of entries added or removed exceeds the limit.");
    public static readonly AcsErrorCode LimitExceedMaxEntries = new("LimitExceed.MaxEntries", 400, "The number of entries exceeds the MaxEntries of the specified prefix list.");
    public static readonly AcsErrorCode LimitExceedPrefixListPerRegion = new("LimitExceed.PrefixListPerRegion", 404, "The number of prefix lists in the region exceeds the limit.");
    public static readonly AcsErrorCode LimitExceedPrefixListId = new("LimitExceed.PrefixListId", 400, "The number of PrefixListId.N exceeds the limit of 100.");
    public static readonly AcsErrorCode InvalidParameterMaxEntries = new("InvalidParameter.MaxEntries", 400, "The parameter MaxEntries is not valid.");
    public static readonly AcsErrorCode InvalidEntryDescriptionMalformed = new("InvalidParameter.EntryDescription", 400, "The description of an entry is not valid.");
    public static readonly AcsErrorCode InvalidDescriptionMalformed = new("InvalidDescription.Malformed", 400, "The specified parameter \"Description\" is not valid.");
    public static readonly AcsErrorCode InvalidParameterEntryNotFound = new("InvalidParameter.EntryNotFound", 400, "The entry {0} to remove does not exist in the list.");
    public static readonly AcsErrorCode InvalidParameterEntryConflict = new("InvalidParameter.Conflict", 400, "The entry {0} cannot be both added and removed.");
    public static readonly AcsErrorCode InvalidPortRangeListIdAssociationExist = new("InvalidPortRangeListId.AssociationExist", 400, "The port range list is still used by security group rules.");
    public static readonly AcsErrorCode MaxEntriesCountExceed = new("InvalidOperation.MaxEntriesCountExceed", 400, "The parameter MaxEntries should be between 1 and 2000.");
    public static readonly AcsErrorCode EntryCountExceedMaxEntries = new("InvalidOperation.EntryCountExceedMaxEntries", 400, "The number of entries exceeds the MaxEntries of the port range list.");
    public static readonly AcsErrorCode InvalidParameterPortRangeListName = new("InvalidParameter.PortRangeListName", 400, "The parameter PortRangeListName is not valid.");
    public static readonly AcsErrorCode InvalidParameterPortRange = new("InvalidParameter.PortRange", 400,
        "The specified parameter PortRange is not valid. It should be two integers less than 65535 in specified format.");
    public static readonly AcsErrorCode InvalidParameterPortRangeDuplicated = new("InvalidParameter.PortRangeDuplicated", 400, "The specified PortRange is duplicated.");
    public static readonly AcsErrorCode InvalidPortRangeEntryOverlapped = new("InvalidParameter.PortRangeOverlapped", 400, "The port range {0} overlaps another entry of the list.");
    public static readonly AcsErrorCode QuotaExceedPortRangeList = new("QuotaExceed.PortRangeList", 400, "The number of port range lists in the region exceeds the limit.");
    public static readonly AcsErrorCode InvalidParameterPortRangeListIds = new("InvalidParameter.PortRangeListId", 400, "The number of PortRangeListId.N exceeds the limit of 100.");
}
