using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Tests;

namespace Portal.Web.Tests.Operations;

/// <summary>What an operator's load balancer and Prometheus read from the site: liveness, readiness and metrics.</summary>
public sealed class OperationsTests : IDisposable
{
    private readonly SampleData _data = new();
    private readonly WebApplicationFactory<Program> _site;

    public OperationsTests()
    {
        _data.AddCounty("410221", people: 20, months: 1);
        _site = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSampleData(_data).WithoutAddressLimits());
    }

    [Fact]
    public async Task The_site_is_live_and_ready_when_its_index_database_and_blob_storage_answer()
    {
        var client = _site.CreateClient();

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");

        Assert.Equal((HttpStatusCode.OK, "no-store"), (live.StatusCode, live.Headers.CacheControl?.ToString()));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        Assert.Equal(["blobs", "database", "exhibition-changes", "index"], report.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
    }

    [Fact]
    public async Task The_site_is_not_ready_when_its_database_is_gone_and_says_which_part_without_details()
    {
        var client = _site.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        // The database file is replaced by a folder: SQLite cannot open it, as after a lost disk. A background task of the
        // site may open the database between the delete and the folder, making the file again: then it is deleted again.
        var database = Path.Combine(_data.DataDirectory, "portal.db");
        Assert.True(await Eventually.HoldsAsync(() =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { database + "-wal", database + "-shm", database }) File.Delete(file);
            try { Directory.CreateDirectory(database); }
            catch (IOException) { return Task.FromResult(false); }
            return Task.FromResult(true);
        }), "the database file kept coming back");

        // A background task may hand back to the pool a connection it opened before the file went; once the pools are
        // empty, no connection can be opened.
        var ready = await client.GetAsync("/readyz");
        await Eventually.HoldsAsync(async () =>
        {
            SqliteConnection.ClearAllPools();
            return (ready = await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK;
        });
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var report = JsonDocument.Parse(body);
        Assert.Equal("Unhealthy", report.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("blobs").GetString());
        Assert.DoesNotContain(_data.DataDirectory, body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Metrics_count_requests_by_route_and_never_carry_what_a_visitor_typed()
    {
        var client = _site.CreateClient();
        await Html.Get(client, "/payments?region=410221&q=" + Uri.EscapeDataString("张"));
        await Html.Get(client, "/exhibition");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", metrics);
        Assert.Contains("http_route=\"exhibition\"", metrics);
        Assert.Contains("http_route=\"payments/{code?}\"", metrics);
        Assert.DoesNotContain("410221", metrics);
        Assert.DoesNotContain("张", metrics);
        Assert.DoesNotContain("%E5%BC%A0", metrics);
    }

    [Fact]
    public void A_stopping_site_gives_requests_in_flight_the_configured_time()
    {
        using var site = _site.WithWebHostBuilder(b => b.UseSetting("Portal:Operations:ShutdownTimeout", "00:00:45"));

        Assert.Equal(TimeSpan.FromSeconds(45), site.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    public void Dispose()
    {
        _site.Dispose();
        _data.Dispose();
    }
}
