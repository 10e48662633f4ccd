using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests;

namespace Portal.Indexer.Tests;

/// <summary>Every command is composed in one place, from the configuration the hosts read, with the command line on top.</summary>
public class IndexerHostTests : IDisposable
{
    private readonly SampleData _data = new();

    private static ParseResult Parse(params string[] args)
    {
        var root = new RootCommand { new Command("stats") };
        foreach (var option in IndexerOptions.Global) root.Options.Add(option);
        return root.Parse(args);
    }

    [Fact]
    public void The_data_folder_on_the_command_line_is_the_one_every_service_sees()
    {
        using var host = IndexerHost.Build(Parse("stats", "--data-dir", _data.DataDirectory, "--json"));

        var context = host.Context();

        Assert.Equal(_data.DataDirectory, context.Portal.DataDirectory);
        Assert.StartsWith(_data.DataDirectory, context.Payments.Location);
        Assert.True(context.Json);
        Assert.Equal(context.Regions, host.Services.GetRequiredService<Portal.Core.Regions.RegionCatalog>());
    }

    [Fact]
    public void A_command_setting_of_its_own_wins_over_the_environment_and_the_database_is_composed_with_it()
    {
        var elsewhere = Path.Combine(_data.Root, "elsewhere");

        using var host = IndexerHost.Build(Parse("stats", "--data-dir", _data.DataDirectory), [new("Portal:DataDirectory", elsewhere)]);

        Assert.Equal(elsewhere, host.Context().Portal.DataDirectory);
        using var scope = host.Services.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<Portal.Core.Database.PortalDb>());
    }

    public void Dispose() => _data.Dispose();
}
