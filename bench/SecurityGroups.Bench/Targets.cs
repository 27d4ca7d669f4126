using System.Text.RegularExpressions;

namespace SecurityGroups.Bench;

/// <summary>The same workload shape against either server, over raw HTTP with the same client.</summary>
internal interface ITarget
{
    string Name { get; }

    Task<string> CreateGroupAsync(int n);

    Task AuthorizeAsync(string group, int port);

    Task DescribeGroupAsync(string group);

    /// <summary>Lists groups page by page (50 per page); returns how many pages it read.</summary>
    Task<int> ListAllAsync();

    Task RevokeAsync(string group, int port);

    Task DeleteGroupAsync(string group);
}

/// <summary>
/// This emulator: Alibaba RPC, unsigned (Relaxed mode), JSON. Given several replicas' base URLs, each request goes to
/// the next one in turn, as a round-robin load balancer would send it (no proxy in between).
/// </summary>
internal sealed partial class EmulatorTarget(HttpClient http, params string[] baseUrls) : ITarget
{
    private int _next = -1;

    public string Name => "SecurityGroups";

    private string BaseUrl => baseUrls.Length == 1 ? baseUrls[0] : baseUrls[(int)((uint)Interlocked.Increment(ref _next) % (uint)baseUrls.Length)];

    public async Task<string> CreateGroupAsync(int n) =>
        Id(await Call($"Action=CreateSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupName=bench{n}"), "SecurityGroupId");

    public Task AuthorizeAsync(string group, int port) =>
        Call($"Action=AuthorizeSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={group}&Permissions.1.IpProtocol=TCP&Permissions.1.PortRange={port}/{port}&Permissions.1.SourceCidrIp=10.0.0.0/8");

    public Task DescribeGroupAsync(string group) =>
        Call($"Action=DescribeSecurityGroupAttribute&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={group}");

    public async Task<int> ListAllAsync()
    {
        var pages = 0;
        string? token = null;
        do
        {
            var body = await Call("Action=DescribeSecurityGroups&Version=2014-05-26&RegionId=cn-hangzhou&MaxResults=50" + (token is null ? "" : "&NextToken=" + token));
            token = TokenPattern().Match(body) is { Success: true } m ? m.Groups[1].Value : null;
            pages++;
        }
        while (token is not null);
        return pages;
    }

    public Task RevokeAsync(string group, int port) =>
        Call($"Action=RevokeSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={group}&Permissions.1.IpProtocol=TCP&Permissions.1.PortRange={port}/{port}&Permissions.1.SourceCidrIp=10.0.0.0/8");

    public Task DeleteGroupAsync(string group) =>
        Call($"Action=DeleteSecurityGroup&Version=2014-05-26&RegionId=cn-hangzhou&SecurityGroupId={group}");

    public Task<string> Call(string query) => Http.SendAsync(http, HttpMethod.Post, $"{BaseUrl}/?{query}", null, null);

    /// <summary>POST /_emulator/traffic/evaluate with a JSON body.</summary>
    public async Task<string> EvaluateAsync(string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri($"{BaseUrl}/_emulator/traffic/evaluate"), content);
        var body = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode >= 400 ? throw new BenchRequestException((int)response.StatusCode, body) : body;
    }

    private static string Id(string body, string field) =>
        Regex.Match(body, $"\"{field}\":\"([^\"]+)\"") is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException(body);

    [GeneratedRegex("\"NextToken\":\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <summary>Bodies for POST /_emulator/traffic/evaluate against one group (what-if, no ENI).</summary>
internal static class EvaluationBodies
{
    /// <summary>One packet, answered with its trace.</summary>
    public static string OnePacket(string group) =>
        $"{{\"RegionId\":\"cn-hangzhou\",\"SecurityGroupIds\":[\"{group}\"],\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\"," +
        "\"SourceIp\":\"10.1.2.3\",\"DestinationIp\":\"192.168.0.10\",\"DestinationPort\":2100}";

    /// <summary>A batch of 1,000 packets over 200 sources and 400 ports.</summary>
    public static string Batch(string group)
    {
        var packets = string.Join(',', Enumerable.Range(0, 1000).Select(i =>
            $"{{\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\",\"SourceIp\":\"10.{i % 200}.0.1\",\"DestinationIp\":\"192.168.0.10\",\"DestinationPort\":{1900 + (i % 400)}}}"));
        return $"{{\"RegionId\":\"cn-hangzhou\",\"SecurityGroupIds\":[\"{group}\"],\"Packets\":[{packets}]}}";
    }
}

/// <summary>moto_server: the AWS EC2 Query API (form POST, XML), the shapes closest to the Alibaba Actions.</summary>
internal sealed partial class MotoTarget(HttpClient http, string baseUrl) : ITarget
{
    private const string Authorization = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0";

    public string Name => "moto";

    public async Task<string> CreateGroupAsync(int n) =>
        IdPattern().Match(await Call($"Action=CreateSecurityGroup&GroupName=bench{n}-{Guid.NewGuid():N}&GroupDescription=bench")).Groups[1].Value;

    public Task AuthorizeAsync(string group, int port) =>
        Call($"Action=AuthorizeSecurityGroupIngress&GroupId={group}&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort={port}&IpPermissions.1.ToPort={port}&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8");

    public Task DescribeGroupAsync(string group) => Call($"Action=DescribeSecurityGroups&GroupId.1={group}");

    public async Task<int> ListAllAsync()
    {
        var pages = 0;
        string? token = null;
        do
        {
            var body = await Call("Action=DescribeSecurityGroups&MaxResults=50" + (token is null ? "" : "&NextToken=" + Uri.EscapeDataString(token)));
            token = TokenPattern().Match(body) is { Success: true } m ? m.Groups[1].Value : null;
            pages++;
        }
        while (token is not null && pages < 1000);
        return pages;
    }

    public Task RevokeAsync(string group, int port) =>
        Call($"Action=RevokeSecurityGroupIngress&GroupId={group}&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort={port}&IpPermissions.1.ToPort={port}&IpPermissions.1.IpRanges.1.CidrIp=10.0.0.0/8");

    public Task DeleteGroupAsync(string group) => Call($"Action=DeleteSecurityGroup&GroupId={group}");

    private Task<string> Call(string form) =>
        Http.SendAsync(http, HttpMethod.Post, baseUrl + "/", form + "&Version=2016-11-15", Authorization);

    [GeneratedRegex("<groupId>([^<]+)</groupId>")]
    private static partial Regex IdPattern();

    [GeneratedRegex("<nextToken>([^<]+)</nextToken>")]
    private static partial Regex TokenPattern();
}

internal static class Http
{
    public static async Task<string> SendAsync(HttpClient http, HttpMethod method, string url, string? form, string? authorization)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (int)response.StatusCode >= 400 ? throw new BenchRequestException((int)response.StatusCode, body) : body;
    }
}

internal sealed class BenchRequestException(int status, string body) : Exception($"HTTP {status}: {body[..Math.Min(200, body.Length)]}")
{
    public int Status { get; } = status;
}
