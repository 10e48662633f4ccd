using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Portal.Deploy.Tests;

/// <summary>YAML documents as nested dictionaries and lists, with compose's merge keys (&lt;&lt;: *anchor) resolved.</summary>
internal static class Yaml
{
    private static readonly IDeserializer Reader = new DeserializerBuilder().Build();

    public static List<Dictionary<object, object?>> Documents(string path)
    {
        using var text = File.OpenText(path);
        var parser = new MergingParser(new Parser(text));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object?>>();
        while (parser.Accept<DocumentStart>(out _))
            if (Reader.Deserialize<Dictionary<object, object?>>(parser) is { } document) documents.Add(document);
        return documents;
    }

    public static Dictionary<object, object?> Map(this object? node, string key) =>
        node.Find(key) as Dictionary<object, object?> ?? throw new KeyNotFoundException($"no mapping '{key}'");

    public static List<object?> List(this object? node, string key) =>
        node.Find(key) as List<object?> ?? throw new KeyNotFoundException($"no list '{key}'");

    public static string? Text(this object? node, string key) => node.Find(key)?.ToString();

    public static object? Find(this object? node, string key) =>
        node is Dictionary<object, object?> map && map.TryGetValue(key, out var value) ? value : null;

    public static IEnumerable<(string Key, object? Value)> Entries(this object? node) =>
        node is Dictionary<object, object?> map ? map.Select(e => (e.Key.ToString()!, e.Value)) : [];
}
