using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core;
using Portal.Core.Exhibition;
using Portal.Core.Payments;
using Portal.Core.Reports;

namespace Portal.Indexer.Reports;

/// <summary>The same services the hosts use for reports, built from the same configuration (appsettings.json, environment).</summary>
public static class ReportServices
{
    public static ServiceProvider Build(ParseResult parse, IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var settings = new Dictionary<string, string?>();
        if (parse.GetValue(IndexerOptions.DataDirectory) is { Length: > 0 } dir) settings[$"{PortalOptions.Section}:DataDirectory"] = dir;
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));
        services.AddPortalCore();
        services.AddPaymentIndex();
        services.AddReports(configuration);
        services.AddExhibition();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }
}
