using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Exhibition;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Publication;
using Portal.Core.Regions;
using Portal.Core.Reports;
using Portal.Core.Submissions;
using Portal.Core.Supervision;

namespace Portal.Indexer;

/// <summary>
/// The indexer's one composition root: the configuration the hosts read (appsettings.json beside the program, then the
/// environment), the command line's <c>--data-dir</c> on top, and the services the hosts register, validated when built.
/// A command takes what it needs from <see cref="IHost.Services"/>; only <c>watch</c> runs for long, and it stops on a signal.
/// </summary>
public static class IndexerHost
{
    /// <param name="overrides">Settings a command fixes for itself (bench's throw-away folder and keys), above everything else.</param>
    public static IHost Build(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        var settings = new Dictionary<string, string?>();
        if (parse.GetValue(IndexerOptions.DataDirectory) is { Length: > 0 } dir) settings[$"{PortalOptions.Section}:DataDirectory"] = dir;
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings);
        // A command's own output is the answer; the library's chatter would only bury it.
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

        var services = builder.Services;
        services.AddPortalCore();
        services.AddPaymentIndex();
        services.AddReports(builder.Configuration);
        services.AddPublication();
        services.AddExhibition();
        services.AddSubmissions();
        services.AddClueLedger();
        var json = parse.GetValue(IndexerOptions.Json);
        services.AddSingleton(sp => new IndexerContext(
            // Read unvalidated: a command that needs no key (sample, stats) runs without one, and sync says in Chinese what is missing.
            sp.GetRequiredService<IOptions<PortalOptions>>().Value, builder.Configuration.GetSection(LookupOptions.Section).Get<LookupOptions>() ?? new LookupOptions(),
            sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<FundCatalog>(), sp.GetRequiredService<PaymentIndexProvider>(), json));
        return builder.Build();
    }

    /// <summary>What the payment commands share, from a host built for this command line.</summary>
    public static IndexerContext Context(this IHost host) => host.Services.GetRequiredService<IndexerContext>();
}
