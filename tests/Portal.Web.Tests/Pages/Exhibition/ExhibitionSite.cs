using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Exhibition;

/// <summary>
/// The public site over the tests' own small exhibition (<see cref="ExhibitionSample"/>) and a data folder without
/// payments. A site made with a given content and data folder leaves them behind, so another site can start on them.
/// </summary>
public sealed class ExhibitionSite : WebApplicationFactory<Program>
{
    private readonly bool _ownsFolders;

    public ExhibitionSite() : this(new ExhibitionSample(), new SampleData(), ownsFolders: true)
    {
    }

    /// <summary>A site on folders the caller keeps (xunit allows a fixture one public constructor).</summary>
    public static ExhibitionSite On(ExhibitionSample content, SampleData data) => new(content, data, ownsFolders: false);

    private ExhibitionSite(ExhibitionSample content, SampleData data, bool ownsFolders)
    {
        Content = content;
        Data = data;
        _ownsFolders = ownsFolders;
    }

    public ExhibitionSample Content { get; }
    public SampleData Data { get; }

    /// <summary>Extra configuration for one test's own site; read when the first client is made.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public HallVisitCounter Visits => Services.GetRequiredService<HallVisitCounter>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSampleData(Data).WithoutAddressLimits().UseSetting("Portal:ContentDirectory", Content.ContentDirectory);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolders)
        {
            Content.Dispose();
            Data.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ExhibitionCollection : ICollectionFixture<ExhibitionSite>
{
    public const string Name = "exhibition";
}
