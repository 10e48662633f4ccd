using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
        builder.UseSampleData(Data).CaptureAllLogs(Logs).WithoutAddressLimits();
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
