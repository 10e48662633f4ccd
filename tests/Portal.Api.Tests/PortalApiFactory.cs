using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Portal.Tests;

namespace Portal.Api.Tests;

/// <summary>The API over a data folder with one sampled county (杞县), the test lookup key and a fast index refresh.</summary>
public sealed class PortalApiFactory : WebApplicationFactory<Program>
{
    public PortalApiFactory()
    {
        var sync = Data.AddCounty(people: 200, months: 3);
        if (sync.Validation.Rejections.Count > 0) throw new InvalidOperationException("Sample rows were rejected: " + sync.Validation.Rejections[0]);
    }

    public SampleData Data { get; } = new();

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Everything the framework would log, so privacy tests see the most a misconfigured server could write.
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.UseSetting("Portal:DataDirectory", Data.DataDirectory);
        builder.UseSetting("Portal:ContentDirectory", Path.Combine(AppContext.BaseDirectory, "content"));
        builder.UseSetting("Portal:Lookup:HmacKey", SampleData.HmacKey);
        builder.UseSetting("Portal:Payments:RefreshInterval", "00:00:00.200");
        // Every test calls from the same address; the limits themselves are tested with a low setting of their own.
        builder.UseSetting("Portal:RateLimits:LookupPermitLimit", "10000");
        builder.UseSetting("Portal:RateLimits:SearchPermitLimit", "10000");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Data.Dispose();
    }
}

/// <summary>Tests that read the shared sample data; they run one after another against one host.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<PortalApiFactory>
{
    public const string Name = "api";
}
