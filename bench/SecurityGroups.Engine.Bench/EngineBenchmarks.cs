using System.Net;
using BenchmarkDotNet.Attributes;
using SecurityGroups.RuleEngine;

namespace SecurityGroups.Engine.Bench;

/// <summary>Evaluation (compiled vs the linear oracle, side by side), snapshot rebuild, exposure and the port-by-source matrix.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private EngineRule[] _rules = [];
    private IReadOnlyList<EngineRule> _ordered = [];
    private CompiledEni _compiled = null!;
    private Packet[] _mixed = [];
    private IPAddress[] _sources = [];
    private readonly IPAddress _local = IPAddress.Parse("192.168.0.10");

    [GlobalSetup]
    public void Setup()
    {
        _rules = EngineFixture.Rules();
        _ordered = TrafficEvaluator.Order(_rules);
        _compiled = CompiledEni.Compile(EngineFixture.Groups, _rules);
        _mixed = EngineFixture.Mixed(_rules);
        var random = new Random(3);
        _sources = Enumerable.Range(0, 1000).Select(i => i % 2 == 0
            ? _rules[random.Next(_rules.Length)].Peers[0].BaseAddress
            : AddressKey.NetworkV4((uint)random.NextInt64(0, uint.MaxValue), 32).BaseAddress).ToArray();
    }

    [Benchmark(Description = "evaluate worst case, compiled")]
    public Decision WorstCompiled() => _compiled.Decide(EngineFixture.WorstCase, null).Decision;

    [Benchmark(Description = "evaluate worst case, linear oracle")]
    public Decision WorstLinear() => TrafficEvaluator.Evaluate(EngineFixture.Groups, _ordered, EngineFixture.WorstCase, null, trace: false).Decision;

    [Benchmark(Description = "evaluate mixed x4096, compiled", OperationsPerInvoke = 4096)]
    public int MixedCompiled()
    {
        var accepted = 0;
        foreach (var packet in _mixed)
        {
            accepted += _compiled.Decide(packet, null).Decision == Decision.Accept ? 1 : 0;
        }

        return accepted;
    }

    [Benchmark(Description = "evaluate mixed x4096, linear oracle", OperationsPerInvoke = 4096)]
    public int MixedLinear()
    {
        var accepted = 0;
        foreach (var packet in _mixed)
        {
            accepted += TrafficEvaluator.Evaluate(EngineFixture.Groups, _ordered, packet, null, trace: false).Decision == Decision.Accept ? 1 : 0;
        }

        return accepted;
    }

    [Benchmark(Description = "snapshot rebuild (10 groups, 1,000 rules)")]
    public CompiledEni Rebuild() => CompiledEni.Compile(EngineFixture.Groups, _rules);

    [Benchmark(Description = "exposure TCP/22 IPv4")]
    public int Exposure() => _compiled.Exposure(TrafficDirection.Ingress, 6, 22, 40000, _local, ipv6: false).Accepted.Count;

    [Benchmark(Description = "matrix 65,536 ports x 1,000 sources")]
    public int Matrix()
    {
        var ranges = 0;
        foreach (var source in _sources)
        {
            ranges += _compiled.PortExposure(TrafficDirection.Ingress, 6, source, 40000, _local).Accepted.Count;
        }

        return ranges;
    }
}
