using System.Xml.Linq;

namespace SecurityGroups.FunctionalTests.Protocol;

/// <summary>
/// <c>Format=XML</c> keeps every character XML 1.0 can hold, including those outside the Basic Multilingual Plane
/// (emoji, musical symbols: surrogate pairs in .NET strings); only characters XML 1.0 cannot hold are dropped.
/// </summary>
public sealed class XmlCharacterTests(EmulatorFactory factory) : EmulatorTest(factory)
{
    [Theory]
    [InlineData("Web 🚀 servers", "Öffnet 😀 für 𝄞 und 中文 🇨🇳")]
    [InlineData("Gruppe𠀋", "👨‍👩‍👧 family, 🏳️‍🌈 flag")]
    public async Task GroupNameAndDescription_OutsideTheBmp_RoundTripThroughXml(string name, string description)
    {
        var vpcId = await CreateVpc();
        var groupId = await CreateGroup(vpcId, ("SecurityGroupName", name), ("Description", description));

        var result = await Client.Ecs("DescribeSecurityGroupAttribute", ("RegionId", "cn-hangzhou"), ("SecurityGroupId", groupId), ("Format", "XML"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var root = XDocument.Parse(result.Text).Root!;
        Assert.Equal(name, root.Element("SecurityGroupName")!.Value);
        Assert.Equal(description, root.Element("Description")!.Value);
    }

    [Fact]
    public async Task DescribeSecurityGroups_Xml_KeepsEmojiInTags()
    {
        var vpcId = await CreateVpc();
        await CreateGroup(vpcId, ("SecurityGroupName", "tagged"), ("Tag.1.Key", "team🚀"), ("Tag.1.Value", "ops 🛠️"));

        var result = await Client.Ecs("DescribeSecurityGroups", ("RegionId", "cn-hangzhou"), ("Format", "XML"));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var tag = XDocument.Parse(result.Text).Descendants("Tag").Single();
        Assert.Equal("team🚀", tag.Element("TagKey")!.Value);
        Assert.Equal("ops 🛠️", tag.Element("TagValue")!.Value);
    }
}
