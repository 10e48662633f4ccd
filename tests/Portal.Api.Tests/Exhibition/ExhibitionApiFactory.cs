using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;
using Portal.Tests;

namespace Portal.Api.Tests.Exhibition;

/// <summary>
/// The API over the tests' own exhibition (<see cref="ExhibitionSample"/>) and a throw-away data folder for the
/// visit counts. Without a public base URL media addresses follow the request's host, http://localhost here.
/// </summary>
public sealed class ExhibitionApiFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsContent;

    public ExhibitionApiFactory() : this(new ExhibitionSample(), publicBaseUrl: null) => _ownsContent = true;

    internal ExhibitionApiFactory(ExhibitionSample content, string? publicBaseUrl)
    {
        Content = content;
        PublicBaseUrl = publicBaseUrl;
    }

    public ExhibitionSample Content { get; }

    public string? PublicBaseUrl { get; }

    public SampleData Data { get; } = new();

    public HallVisitCounter Visits => Services.GetRequiredService<HallVisitCounter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSampleData(Data).WithoutAddressLimits()
            .UseSetting("Portal:ContentDirectory", Content.Root)
            // The counter is flushed by the tests that need it; a timer would only make counts move underneath them.
            .UseSetting("Portal:Exhibition:VisitFlushInterval", "01:00:00");
        if (PublicBaseUrl is not null) builder.UseSetting("Portal:PublicBaseUrl", PublicBaseUrl);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Data.Dispose();
        if (_ownsContent) Content.Dispose();
    }
}

/// <summary>Tests that read the shared exhibition host; they run one after another, so visit counts move only when a test moves them.</summary>
[CollectionDefinition(Name)]
public sealed class ExhibitionCollection : ICollectionFixture<ExhibitionApiFactory>
{
    public const string Name = "exhibition";
}
