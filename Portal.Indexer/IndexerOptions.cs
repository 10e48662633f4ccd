using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Portal.Core;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Indexer;

/// <summary>Options every command shares, and the configuration the hosts share (Portal:DataDirectory, Portal:Lookup:HmacKey, Portal:Payments:Index, Portal:Elasticsearch).</summary>
public static class IndexerOptions
{
    public static readonly Option<string?> DataDirectory = new("--data-dir") { Description = "数据目录（默认读取 Portal:DataDirectory，与网站相同）", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "只输出机器可读的 JSON", Recursive = true };

    public static IEnumerable<Option> Global => [DataDirectory, Json];

    public static IndexerContext Context(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var portal = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        if (parse.GetValue(DataDirectory) is { Length: > 0 } dir) portal.DataDirectory = dir;
        var lookup = configuration.GetSection(LookupOptions.Section).Get<LookupOptions>() ?? new LookupOptions();
        var content = portal.ResolveContentDirectory();
        return new IndexerContext(portal, lookup, RegionCatalog.Load(Path.Combine(content, "regions")), FundCatalog.Load(Path.Combine(content, "funds.yaml")),
            PaymentIndexProvider.From(configuration, portal), parse.GetValue(Json));
    }
}

public sealed record IndexerContext(PortalOptions Portal, LookupOptions Lookup, RegionCatalog Regions, FundCatalog Funds, PaymentIndexProvider Payments, bool Json)
{
    public OwnerKey OwnerKey() => new(Lookup.KeyBytes());
}
