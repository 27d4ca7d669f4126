using SecurityGroups.Api.Acs;
using SecurityGroups.Domain.Errors;

namespace SecurityGroups.UnitTests.Acs;

public sealed class AcsParameterParserTests
{
    private static readonly AcsLimits Limits = new() { MaxParameters = 5, MaxKeyLength = 16, MaxValueLength = 8 };

    [Fact]
    public void QueryAndForm_AreDecodedAndMerged()
    {
        var parameters = AcsParameterParser.Parse("?A=x%20y&B=1+2", "C=%E5%8D%8E&A=x+y", new AcsLimits());

        Assert.Equal("x y", parameters["A"]);
        Assert.Equal("1 2", parameters["B"]);
        Assert.Equal("华", parameters["C"]);
        Assert.Equal(4, parameters.Pairs.Count);
        Assert.Equal(2, parameters.QueryPairs.Count);
    }

    [Fact]
    public void KeyWithoutValue_IsEmptyAndEmptyPartsAreSkipped()
    {
        var parameters = AcsParameterParser.Parse("&&A&B=", null, new AcsLimits());

        Assert.Equal("", parameters["A"]);
        Assert.Equal("", parameters["B"]);
    }

    [Fact]
    public void ConflictingDuplicate_IsInvalidParameter()
    {
        var ex = Assert.Throws<AcsException>(() => AcsParameterParser.Parse("A=1", "A=2", new AcsLimits()));
        Assert.Equal("InvalidParameter", ex.Code);
    }

    [Theory]
    [InlineData("A=1&B=2&C=3&D=4&E=5&F=6")]
    [InlineData("AAAAAAAAAAAAAAAAAAAA=1")]
    [InlineData("A=123456789")]
    public void LimitsAreEnforced(string query)
    {
        var ex = Assert.Throws<AcsException>(() => AcsParameterParser.Parse(query, null, Limits));
        Assert.Equal(400, ex.HttpStatus);
    }

    [Fact]
    public void BadPercentEncoding_IsKeptLiterally()
    {
        Assert.Equal("%ZZ", AcsParameterParser.Parse("A=%ZZ", null, new AcsLimits())["A"]);
    }
}
