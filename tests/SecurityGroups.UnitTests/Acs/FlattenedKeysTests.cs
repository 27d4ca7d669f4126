using SecurityGroups.Api.Acs;

namespace SecurityGroups.UnitTests.Acs;

public sealed class FlattenedKeysTests
{
    [Fact]
    public void ListsOfObjects_AreRenumberedFromZeroInNumericOrder()
    {
        var bound = FlattenedKeys.ToBindingKeys(new Dictionary<string, string>
        {
            ["Permissions.10.IpProtocol"] = "UDP",
            ["Permissions.2.IpProtocol"] = "TCP",
            ["Permissions.2.PortRange"] = "22/22",
            ["RegionId"] = "cn-hangzhou",
        });

        Assert.Equal("TCP", bound["Permissions[0].IpProtocol"]);
        Assert.Equal("22/22", bound["Permissions[0].PortRange"]);
        Assert.Equal("UDP", bound["Permissions[1].IpProtocol"]);
        Assert.Equal("cn-hangzhou", bound["RegionId"]);
    }

    [Fact]
    public void ListsInsideLists_AreRenumberedPerParent()
    {
        var bound = FlattenedKeys.ToBindingKeys(new Dictionary<string, string>
        {
            ["TagFilter.1.TagValues.3"] = "b",
            ["TagFilter.1.TagValues.1"] = "a",
            ["TagFilter.4.TagValues.9"] = "c",
            ["SecurityGroupIds.7"] = "sg-2",
            ["SecurityGroupIds.3"] = "sg-1",
        });

        Assert.Equal("a", bound["TagFilter[0].TagValues[0]"]);
        Assert.Equal("b", bound["TagFilter[0].TagValues[1]"]);
        Assert.Equal("c", bound["TagFilter[1].TagValues[0]"]);
        Assert.Equal("sg-1", bound["SecurityGroupIds[0]"]);
        Assert.Equal("sg-2", bound["SecurityGroupIds[1]"]);
    }

    [Fact]
    public void MvcSyntaxOnTheWire_IsDropped_NotBound()
    {
        var bound = FlattenedKeys.ToBindingKeys(new Dictionary<string, string>
        {
            ["Tag[0].Key"] = "bracket",
            ["Tag.index"] = "x",
            ["Permissions.Index"] = "0",
            ["request.RegionId"] = "cn-beijing",
            ["Request"] = "x",
            ["RegionId"] = "cn-hangzhou",
            ["NetworkInterface.1.DeviceIndex"] = "1",
        }, ["request"]);

        Assert.Equal(["NetworkInterface[0].DeviceIndex", "RegionId"], bound.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("RegionId", "regionid")]
    [InlineData("Tag.1.Key", "Tag.01.Key")]
    [InlineData("Tag.1.Key", "TAG.1.KEY")]
    public void TwoSpellingsOfOneKey_WithDifferentValues_AreRefused_WithTheSameValue_AreOne(string first, string second)
    {
        var refused = Assert.Throws<SecurityGroups.Domain.Errors.AcsException>(() =>
            FlattenedKeys.ToBindingKeys(new Dictionary<string, string> { [first] = "a", [second] = "b" }));
        Assert.Equal("InvalidParameter", refused.Code);

        Assert.Single(FlattenedKeys.ToBindingKeys(new Dictionary<string, string> { [first] = "a", [second] = "a" }));
    }

    [Fact]
    public void HugeAndZeroPaddedIndexes_DoNotOverflowAndCompareNumerically()
    {
        var bound = FlattenedKeys.ToBindingKeys(new Dictionary<string, string>
        {
            ["Tag.99999999999999999999999.Key"] = "last",
            ["Tag.0002.Key"] = "first",
        });

        Assert.Equal("first", bound["Tag[0].Key"]);
        Assert.Equal("last", bound["Tag[1].Key"]);
    }

    [Theory]
    [InlineData("Tag[0].Key", "Tag.1.Key")]
    [InlineData("TagFilter[1].TagValues[4]", "TagFilter.2.TagValues.5")]
    [InlineData("RegionId", "RegionId")]
    public void WireName_IsTheOneBasedForm(string bound, string wire)
    {
        Assert.Equal(wire, FlattenedKeys.ToWireName(bound));
    }
}
