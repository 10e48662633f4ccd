using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;
using Portal.Web.Tests.Pages.Exhibition;
using Portal.Tests;

namespace Portal.Web.Tests.Operations;

/// <summary>
/// Two instances of the site behind one public address, each on its own loopback port, sharing the database, the data
/// folder and a Redis output cache: a page one instance cached, the other serves; what one publishes, the other shows,
/// told at once over Redis; and with Redis out of reach an instance still serves.
/// </summary>
public sealed class SharedOutputCacheTests : IDisposable
{
    private const string PublicHost = "jw.portal.test";
    private const string Hall = "honest-officials";
    private readonly SampleData _data = new();
    private readonly List<SiteInstance> _instances = [];

    private SiteInstance Start(string? redis = null, string? refreshInterval = null)
    {
        var instance = new SiteInstance(_data, redis ?? TestServers.RequireRedis(), refreshInterval);
        _instances.Add(instance);
        return instance;
    }

    private SiteInstance StartReady()
    {
        var instance = Start(refreshInterval: "01:00:00");
        Assert.True(instance.Ready, "an instance never became ready");
        return instance;
    }

    [RedisFact]
    public async Task A_page_cached_by_one_instance_is_served_by_the_other_and_publishing_on_one_evicts_it_on_both()
    {
        var first = Start();
        var second = Start();
        var page = $"/exhibition/{Hall}";

        var rendered = await first.Client.GetAsync(page);
        var shared = await second.Client.GetAsync(page);

        Assert.Null(rendered.Headers.Age);
        Assert.NotNull(shared.Headers.Age);
        Assert.Equal(await rendered.Content.ReadAsStringAsync(), await shared.Content.ReadAsStringAsync());

        await Exhibits.PublishAsync(second.Services, Hall, "shared-cache", "两个实例共用的缓存");

        Assert.Contains("两个实例共用的缓存", await second.Client.GetStringAsync(page));
        // The first instance hears of the publication over Redis, or else looks in the database within its refresh interval (0.2 s here).
        Assert.True(await ShowsSoonAsync(first, page, "两个实例共用的缓存"), "the first instance still serves the page without the new exhibit");
    }

    [RedisFact]
    public async Task An_instance_that_would_look_again_only_in_an_hour_shows_a_publication_on_another_at_once()
    {
        var first = StartReady();
        var second = StartReady();
        var page = $"/exhibition/{Hall}";
        Assert.DoesNotContain("经 Redis 通知的展品", await first.Client.GetStringAsync(page));

        await Exhibits.PublishAsync(second.Services, Hall, "announced", "经 Redis 通知的展品");

        // Only the announcement can bring it: the first instance's own look is an hour away.
        Assert.True(await ShowsSoonAsync(first, page, "经 Redis 通知的展品"), "the first instance did not hear of the publication");
    }

    /// <summary>Whether the page comes to show the text: another instance's news travels, it is not instant.</summary>
    private static Task<bool> ShowsSoonAsync(SiteInstance site, string page, string text) =>
        Eventually.HoldsAsync(async () => (await site.Client.GetStringAsync(page)).Contains(text));

    [Fact]
    public async Task With_the_shared_cache_unreachable_the_site_starts_and_serves_its_pages_uncached()
    {
        var site = Start(redis: "127.0.0.1:1,abortConnect=false,connectTimeout=200,asyncTimeout=300");

        var first = await site.Client.GetAsync($"/exhibition/{Hall}");
        var again = await site.Client.GetAsync($"/exhibition/{Hall}");
        var village = await site.Client.GetAsync("/payments/410221");

        Assert.Equal(System.Net.HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, again.StatusCode);
        Assert.Null(again.Headers.Age);
        Assert.Equal(System.Net.HttpStatusCode.OK, village.StatusCode);
        Assert.True(site.Ready, "the site never became ready with the shared cache unreachable");
    }

    public void Dispose()
    {
        foreach (var instance in _instances) instance.Dispose();
        _data.Dispose();
    }

    /// <summary>One instance of the site on a real loopback port, its client addressing it by the public host name as a load balancer would.</summary>
    private sealed class SiteInstance : WebApplicationFactory<Program>
    {
        private readonly SampleData _data;
        private readonly string _redis;
        private readonly string? _refreshInterval;

        public SiteInstance(SampleData data, string redis, string? refreshInterval)
        {
            _data = data;
            _redis = redis;
            _refreshInterval = refreshInterval;
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Client = new HttpClient { BaseAddress = new Uri(address) };
            Client.DefaultRequestHeaders.Host = PublicHost;
            // Ready means subscribed to the other instances' news: a publication made before that could pass it by.
            Ready = Eventually.HoldsAsync(async () => (await Client.GetAsync("/readyz")).IsSuccessStatusCode).GetAwaiter().GetResult();
        }

        public HttpClient Client { get; }

        /// <summary>Whether /readyz answered 200 before the deadline, as a load balancer waits for before sending visitors.</summary>
        public bool Ready { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSampleData(_data).WithoutAddressLimits().UseSetting("Portal:OutputCache:Redis", _redis);
            if (_refreshInterval is not null) builder.UseSetting("Portal:Exhibition:RefreshInterval", _refreshInterval);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) Client.Dispose();
            base.Dispose(disposing);
        }
    }
}
