using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Portal.Tests;

namespace Portal.Web.Tests;

/// <summary>The public site over its own sample data folder (杞县, 200 people, 3 months).</summary>
public sealed class PortalWebFactory : WebApplicationFactory<Program>
{
    public PortalWebFactory() => Data.AddCounty();

    public SampleData Data { get; } = new();

    public CapturedLogs Logs { get; } = new();

    /// <summary>Extra configuration for one test's own factory; read when the first client is made.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Everything the framework would log, so privacy tests see the most a misconfigured server could write.
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Portal:DataDirectory", Data.DataDirectory);
        builder.UseSetting("Portal:Lookup:HmacKey", SampleData.HmacKey);
        builder.UseSetting("Portal:Payments:RefreshInterval", "00:00:00.200");
        // Tests share one client address; limits are tested on their own factory.
        builder.UseSetting("Portal:RateLimits:LookupPermitLimit", "10000");
        builder.UseSetting("Portal:RateLimits:SearchPermitLimit", "10000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Data.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<PortalWebFactory>
{
    public const string Name = "web";
}
