using System.Net;
using System.Text.Json;

namespace Portal.Api.Tests;

/// <summary>The API answers an operator's probes and Prometheus like the site does.</summary>
[Collection(ApiCollection.Name)]
public class OperationsTests(PortalApiFactory api)
{
    [Fact]
    public async Task The_api_is_live_and_ready_and_exposes_metrics()
    {
        var client = api.CreateClient();
        await client.GetAsync("/api/v1/regions/410221");

        var live = await client.GetAsync("/healthz");
        var ready = await client.GetAsync("/readyz");
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal(["blobs", "database", "exhibition-changes", "index"], report.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.Contains("http_route=\"/api/v1/regions/{code}\"", metrics);
    }
}
