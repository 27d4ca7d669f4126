using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SecurityGroups.Domain.Errors;
using SecurityGroups.Domain.Networks;
using SecurityGroups.Domain.Persistence;

namespace SecurityGroups.UnitTests.Networks;

public sealed class PrivateIpAllocatorTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly EmulatorDbContext _db;
    private readonly VSwitch _vSwitch;

    public PrivateIpAllocatorTests()
    {
        _connection.Open();
        _db = new EmulatorDbContext(new DbContextOptionsBuilder<EmulatorDbContext>().UseSqlite(_connection).Options);
        _db.Database.Migrate();
        _db.Vpcs.Add(new Vpc { VpcId = "vpc-1", AccountId = "1", RegionId = "cn-hangzhou", CidrBlock = "192.168.0.0/16", VRouterId = "vrt-1", RouteTableId = "vtb-1" });
        _vSwitch = new VSwitch { VSwitchId = "vsw-1", AccountId = "1", RegionId = "cn-hangzhou", VpcId = "vpc-1", ZoneId = "cn-hangzhou-h", CidrBlock = "192.168.1.0/29" };
        _db.VSwitches.Add(_vSwitch);
        _db.SaveChanges();
    }

    [Fact]
    public async Task Allocate_SkipsTheReservedAddressesAndFillsGaps()
    {
        var allocator = new PrivateIpAllocator(_db);

        var first = await allocator.AllocateAsync(_vSwitch, null, "eni-a", true, default);
        var second = await allocator.AllocateAsync(_vSwitch, null, "eni-b", true, default);
        await _db.SaveChangesAsync();
        await allocator.ReleaseAllAsync("eni-a", default);
        var refill = await allocator.AllocateAsync(_vSwitch, null, "eni-c", true, default);

        Assert.Equal("192.168.1.1", first.Address);
        Assert.Equal("192.168.1.2", second.Address);
        Assert.Equal("192.168.1.1", refill.Address);
    }

    [Fact]
    public async Task Allocate_WhenFull_IsIpNotEnough()
    {
        var allocator = new PrivateIpAllocator(_db);
        for (var i = 0; i < 4; i++)
        {
            await allocator.AllocateAsync(_vSwitch, null, $"eni-{i}", true, default);
        }

        var ex = await Assert.ThrowsAsync<AcsException>(() => allocator.AllocateAsync(_vSwitch, null, "eni-x", true, default));
        Assert.Equal("InvalidVSwitchId.IpNotEnough", ex.Code);
    }

    [Fact]
    public async Task Allocate_SavedOneByOne_TakesTheNextAddressRefillsAMiddleGapAndEndsFull()
    {
        // Each allocation saved before the next: the path a launch takes (no address pending in the unit of work).
        var allocator = new PrivateIpAllocator(_db);
        var taken = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            taken.Add((await allocator.AllocateAsync(_vSwitch, null, $"eni-{i}", true, default)).Address);
            await _db.SaveChangesAsync();
        }

        await allocator.ReleaseAllAsync("eni-1", default);
        var refill = await allocator.AllocateAsync(_vSwitch, null, "eni-r", true, default);
        await _db.SaveChangesAsync();
        var last = await allocator.AllocateAsync(_vSwitch, null, "eni-l", true, default);
        await _db.SaveChangesAsync();
        var ex = await Assert.ThrowsAsync<AcsException>(() => allocator.AllocateAsync(_vSwitch, null, "eni-x", true, default));

        Assert.Equal(["192.168.1.1", "192.168.1.2", "192.168.1.3"], taken);
        Assert.Equal("192.168.1.2", refill.Address);
        Assert.Equal("192.168.1.4", last.Address);
        Assert.Equal("InvalidVSwitchId.IpNotEnough", ex.Code);
    }

    [Theory]
    [InlineData("192.168.1.0", "InvalidPrivateIpAddress.Mismatch")]
    [InlineData("192.168.1.5", "InvalidPrivateIpAddress.Mismatch")]
    [InlineData("192.168.2.1", "InvalidPrivateIpAddress.Mismatch")]
    [InlineData("192.168.1.01", "InvalidPrivateIpAddress.Malformed")]
    [InlineData("fe80::1", "InvalidPrivateIpAddress.Malformed")]
    public async Task Allocate_RequestedAddress_MustBeUsableInTheBlock(string address, string code)
    {
        var ex = await Assert.ThrowsAsync<AcsException>(() => new PrivateIpAllocator(_db).AllocateAsync(_vSwitch, address, "eni-a", true, default));
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public async Task Allocate_RequestedAddressTwice_IsDuplicated()
    {
        var allocator = new PrivateIpAllocator(_db);
        await allocator.AllocateAsync(_vSwitch, "192.168.1.4", "eni-a", true, default);

        var ex = await Assert.ThrowsAsync<AcsException>(() => allocator.AllocateAsync(_vSwitch, "192.168.1.4", "eni-b", true, default));
        Assert.Equal("InvalidPrivateIpAddress.Duplicated", ex.Code);
    }

    [Fact]
    public void UsableCount_IsTheBlockLessFourReserved()
    {
        Assert.Equal(252, PrivateIpAllocator.UsableCount(System.Net.IPNetwork.Parse("10.0.0.0/24")));
        Assert.Equal(4, PrivateIpAllocator.UsableCount(System.Net.IPNetwork.Parse("10.0.0.0/29")));
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }
}
