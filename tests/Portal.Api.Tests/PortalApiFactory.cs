using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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
        builder.UseSampleData(Data).CaptureAllLogs(Logs).WithoutAddressLimits();
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
