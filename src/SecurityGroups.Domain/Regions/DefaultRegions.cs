namespace SecurityGroups.Domain.Regions;

/// <summary>The region set used when configuration names none: a realistic subset of Alibaba Cloud's public regions.</summary>
internal static class DefaultRegions
{
    public static IReadOnlyList<RegionDefinition> All { get; } =
    [
        Region("cn-hangzhou", "华东1（杭州）", "China (Hangzhou)", "中国（杭州）", "ecs.aliyuncs.com", "b", "g", "h", "i", "j", "k"),
        Region("cn-shanghai", "华东2（上海）", "China (Shanghai)", "中国（上海）", "ecs.cn-shanghai.aliyuncs.com", "b", "e", "f", "g", "l", "m", "n"),
        Region("cn-beijing", "华北2（北京）", "China (Beijing)", "中国（北京）", "ecs.aliyuncs.com", "a", "c", "f", "g", "h", "i", "j", "k", "l"),
        Region("cn-shenzhen", "华南1（深圳）", "China (Shenzhen)", "中国（深圳）", "ecs.aliyuncs.com", "a", "c", "d", "e", "f"),
        Region("cn-hongkong", "中国香港", "China (Hong Kong)", "中国（香港）", "ecs.cn-hongkong.aliyuncs.com", "b", "c", "d"),
        Region("ap-southeast-1", "新加坡", "Singapore", "シンガポール", "ecs.aliyuncs.com", "a", "b", "c"),
        Region("ap-northeast-1", "日本（东京）", "Japan (Tokyo)", "日本（東京）", "ecs.ap-northeast-1.aliyuncs.com", "a", "b", "c"),
        Region("us-west-1", "美国（硅谷）", "US (Silicon Valley)", "米国（シリコンバレー）", "ecs.us-west-1.aliyuncs.com", "a", "b"),
        Region("us-east-1", "美国（弗吉尼亚）", "US (Virginia)", "米国（バージニア）", "ecs.us-east-1.aliyuncs.com", "a", "b"),
        Region("eu-central-1", "德国（法兰克福）", "Germany (Frankfurt)", "ドイツ（フランクフルト）", "ecs.eu-central-1.aliyuncs.com", "a", "b", "c"),
    ];

    private static RegionDefinition Region(string id, string local, string english, string japanese, string endpoint, params string[] zoneSuffixes) =>
        new()
        {
            RegionId = id,
            LocalName = local,
            EnglishName = english,
            JapaneseName = japanese,
            RegionEndpoint = endpoint,
            Zones = [.. zoneSuffixes.Select(s => $"{id}-{s}")],
        };
}
