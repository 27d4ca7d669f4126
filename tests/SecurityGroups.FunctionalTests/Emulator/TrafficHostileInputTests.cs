using System.Text;
using System.Text.Json;

namespace SecurityGroups.FunctionalTests.Emulator;

/// <summary>Malformed, mistyped, null-laden and oversized JSON on every traffic endpoint: an Alibaba error envelope, never a 5xx.</summary>
public sealed class TrafficHostileInputTests(EmulatorFactory factory) : TrafficTest(factory)
{
    private static readonly string[] Paths = ["evaluate", "reachability", "diagnose", "exposure"];

    public static TheoryData<string> Bodies() =>
    [
        "", "{", "[]", "null", "42", "\"text\"", "{\"RegionId\":5}", "{\"RegionId\":null}", "{\"RegionId\":\"cn-hangzhou\",\"Port\":\"abc\"}",
        "{\"RegionId\":\"cn-hangzhou\",\"SecurityGroupIds\":[null]}", "{\"RegionId\":\"cn-hangzhou\",\"SecurityGroupIds\":[\"sg-x\"],\"Packets\":[null]}",
        "{\"RegionId\":\"cn-hangzhou\",\"SecurityGroupIds\":[\"sg-x\"],\"Packets\":[{}]}", "{\"RegionId\":\"cn-hangzhou\",\"InstanceId\":\"i-x\",\"Checks\":[null]}",
        "{\"RegionId\":\"cn-hangzhou\",\"Source\":null,\"Destination\":{}}", "{\"RegionId\":\"cn-hangzhou\",\"Source\":{\"Ip\":\"1.1.1.1\"},\"Destination\":{\"InstanceId\":\"\"}}",
        "{\"RegionId\":\"cn-hangzhou\",\"InstanceId\":\"i-x\",\"SourceIp\":\"1.1.1.1/99\",\"DestinationPort\":99999999999}",
        "{\"RegionId\":\"cn-hangzhou\",\"Direction\":\"ingress\",\"IpProtocol\":\"TCP\",\"Port\":-5,\"SecurityGroupIds\":[\"" + new string('a', 5000) + "\"]}",
        "{\"RegionId\":\"cn-hangzhou\",\"Direction\":\"\\u0000\",\"IpProtocol\":\"\\ud800\",\"SourceIp\":\"::ffff:1.2.3.4%eth0\"}",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryTrafficEndpoint_AnswersBadJsonWithAClientError(string body)
    {
        await Arrange();
        foreach (var path in Paths)
        {
            var result = await Client.Send(new HttpRequestMessage(HttpMethod.Post, "/_emulator/traffic/" + path)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });

            Assert.True((int)result.Status is >= 400 and < 500, $"{path} {body}: {result.Status} {result.Text}");
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(result.Text).RootElement.GetProperty("Code").GetString()), result.Text);
        }
    }
}
