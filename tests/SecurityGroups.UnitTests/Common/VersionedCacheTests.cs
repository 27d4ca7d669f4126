using SecurityGroups.Domain.Common;

namespace SecurityGroups.UnitTests.Common;

public sealed class VersionedCacheTests
{
    private sealed class Box(int value)
    {
        public int Value { get; } = value;
    }

    [Fact]
    public async Task Hits_UntilACommitBumpsTheVersion_ThenReloads()
    {
        using var gate = new WriteGate();
        var cache = new VersionedCache<Box>(gate, 10);
        var loads = 0;
        Task<Box> Load(CancellationToken _) => Task.FromResult(new Box(++loads));

        var first = await cache.GetAsync("k", Load, CancellationToken.None);
        var again = await cache.GetAsync("k", Load, CancellationToken.None);
        Assert.Same(first, again);
        Assert.Equal(1, loads);

        gate.Committed();
        var after = await cache.GetAsync("k", Load, CancellationToken.None);
        Assert.Equal(2, after.Value);
        Assert.Same(after, await cache.GetAsync("k", Load, CancellationToken.None));
    }

    [Fact]
    public async Task PastTheCap_ValuesAreServedButNotKept()
    {
        using var gate = new WriteGate();
        var cache = new VersionedCache<Box>(gate, 2);
        var loads = 0;
        Task<Box> Load(CancellationToken _) => Task.FromResult(new Box(++loads));

        await cache.GetAsync("a", Load, CancellationToken.None);
        await cache.GetAsync("b", Load, CancellationToken.None);
        var c1 = await cache.GetAsync("c", Load, CancellationToken.None);
        var c2 = await cache.GetAsync("c", Load, CancellationToken.None);

        Assert.NotSame(c1, c2);
        Assert.Equal(4, loads);
        await cache.GetAsync("a", Load, CancellationToken.None);
        Assert.Equal(4, loads);
    }

    [Fact]
    public async Task AValueLoadedWhileACommitLands_IsNotServedAfterIt()
    {
        using var gate = new WriteGate();
        var cache = new VersionedCache<Box>(gate, 10);
        var value = await cache.GetAsync("k", _ =>
        {
            gate.Committed(); // a write lands while this (older) value is being read
            return Task.FromResult(new Box(1));
        }, CancellationToken.None);
        Assert.Equal(1, value.Value);

        var next = await cache.GetAsync("k", _ => Task.FromResult(new Box(2)), CancellationToken.None);
        Assert.Equal(2, next.Value);
    }

    [Fact]
    public async Task PastTheByteBudget_ValuesAreServedButNotKept_AndANewVersionStartsAfresh()
    {
        using var gate = new WriteGate();
        var cache = new VersionedCache<Box>(gate, 100, maxBytes: 10, weigh: b => b.Value);
        var loads = 0;
        Task<Box> Load(int weight) => Task.FromResult(new Box(weight)).ContinueWith(t => { loads++; return t.Result; }, TaskScheduler.Default);

        await cache.GetAsync("six", _ => Load(6), CancellationToken.None);
        await cache.GetAsync("five", _ => Load(5), CancellationToken.None); // 11 > 10: not kept
        await cache.GetAsync("four", _ => Load(4), CancellationToken.None); // 10: kept
        Assert.Equal(3, loads);
        await cache.GetAsync("six", _ => Load(6), CancellationToken.None);
        await cache.GetAsync("four", _ => Load(4), CancellationToken.None);
        Assert.Equal(3, loads);
        await cache.GetAsync("five", _ => Load(5), CancellationToken.None);
        Assert.Equal(4, loads);

        gate.Committed();
        await cache.GetAsync("five", _ => Load(5), CancellationToken.None);
        await cache.GetAsync("five", _ => Load(5), CancellationToken.None);
        Assert.Equal(5, loads);
    }
}
