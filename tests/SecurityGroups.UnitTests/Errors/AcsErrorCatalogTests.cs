using SecurityGroups.Domain.Errors;

namespace SecurityGroups.UnitTests.Errors;

public sealed class AcsErrorCatalogTests
{
    [Fact]
    public void EveryError_HasAnErrorStatusAndAMessage()
    {
        Assert.NotEmpty(AcsErrors.All);
        Assert.All(AcsErrors.All, e =>
        {
            Assert.InRange(e.HttpStatus, 400, 599);
            Assert.False(string.IsNullOrWhiteSpace(e.Code));
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        });
    }

    [Fact]
    public void NoEntry_IsDefinedTwice()
    {
        var duplicates = AcsErrors.All.GroupBy(e => (e.Code, e.HttpStatus, e.Message)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void AlibabasMisspellingsAndOddStatuses_AreKept()
    {
        Assert.Equal(404, AcsErrors.InvalidAccessKeyIdNotFound.HttpStatus);
        Assert.Equal("InvalidCirdrBlock.MaskLength", AcsErrors.InvalidCidrBlockMaskLength.Code);
        Assert.Equal("InvalidVpcDiscription.Malformed", AcsErrors.InvalidVpcDescriptionMalformed.Code);
    }

    [Fact]
    public void Exception_FormatsTheMessage()
    {
        var ex = new AcsException(AcsErrors.MissingParameter, "RegionId");
        Assert.Equal("The input parameter \"RegionId\" that is mandatory for processing this request is not supplied.", ex.Message);
        Assert.Equal("MissingParameter", ex.Code);
    }
}
