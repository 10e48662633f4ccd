using System.CommandLine;

namespace Portal.Indexer;

/// <summary>Options every command shares; the configuration itself is read by <see cref="IndexerHost"/>.</summary>
public static class IndexerOptions
{
    public static readonly Option<string?> DataDirectory = new("--data-dir") { Description = "数据目录（默认读取 Portal:DataDirectory，与网站相同）", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "只输出机器可读的 JSON", Recursive = true };

    public static IEnumerable<Option> Global => [DataDirectory, Json];
}
