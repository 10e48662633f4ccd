using System.Net;
using System.Net.Http.Headers;
using Portal.Api.Exhibition;

namespace Portal.Api.Tests.Exhibition;

/// <summary>Phones and proxies keep answers five minutes, then ask again with the tag and get a 304 while nothing changed.</summary>
[Collection(ExhibitionCollection.Name)]
public class RevalidationTests(ExhibitionApiFactory factory)
{
    private static readonly string[] Urls =
    [
        "/api/v1/exhibition/halls",
        "/api/v1/exhibition/halls/rules",
        "/api/v1/exhibition/exhibits/rules/report",
        "/api/v1/news?page=2",
        "/api/v1/news/2026-02-01-case-canteen",
    ];

    public static readonly TheoryData<string> Endpoints = new(Urls);

    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_answer_has_a_strong_etag_that_stays_the_same_across_calls_and_may_be_kept_publicly_for_five_minutes(string url)
    {
        var first = await _client.GetAsync(url);
        var second = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.ETag!.IsWeak);
        Assert.Equal(first.ETag(), second.ETag());
        AssertPublicFiveMinutes(first);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_current_tag_in_if_none_match_gets_304_without_a_body_with_the_tag_and_caching_headers(string url)
    {
        var tag = (await _client.GetAsync(url)).ETag();

        var response = await _client.GetIfNoneMatchAsync(url, tag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, response.ETag());
        AssertPublicFiveMinutes(response);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"0123456789abcdef01234567\", {0}")]
    [InlineData("W/{0}")]
    public async Task A_star_a_list_holding_the_tag_and_the_weak_form_of_the_tag_also_get_304(string ifNoneMatch)
    {
        const string url = "/api/v1/exhibition/exhibits/honest-officials/yuqian";
        var tag = (await _client.GetAsync(url)).ETag();

        var response = await _client.GetIfNoneMatchAsync(url, string.Format(ifNoneMatch, tag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task A_tag_of_another_answer_gets_the_full_answer()
    {
        var otherExhibit = (await _client.GetAsync("/api/v1/exhibition/exhibits/honest-officials/baozheng")).ETag();
        var otherPage = (await _client.GetAsync("/api/v1/news?page=1")).ETag();
        var otherCategory = (await _client.GetAsync("/api/v1/news?page=1&category=典型案例通报")).ETag();
        var otherOffice = (await _client.GetAsync("/api/v1/news?page=1&office=410221")).ETag();

        Assert.Equal(HttpStatusCode.OK, (await _client.GetIfNoneMatchAsync("/api/v1/exhibition/exhibits/honest-officials/yuqian", otherExhibit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetIfNoneMatchAsync("/api/v1/news?page=2", otherPage)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetIfNoneMatchAsync("/api/v1/news?page=1", otherCategory)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetIfNoneMatchAsync("/api/v1/news?page=1", otherOffice)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetIfNoneMatchAsync("/api/v1/news?page=1", "\"0123456789abcdef01234567\"")).StatusCode);
    }

    [Fact]
    public async Task When_the_content_changes_every_tag_changes_and_the_old_tag_gets_the_new_answer()
    {
        using var same = new ExhibitionSample();
        using var changed = new ExhibitionSample(firstExhibitTitle: "包拯：铁面无私，不徇私情");
        using var before = new ExhibitionApiFactory(same, publicBaseUrl: null);
        using var after = new ExhibitionApiFactory(changed, publicBaseUrl: null);
        var oldClient = before.CreateClient();
        var newClient = after.CreateClient();

        foreach (var url in Urls)
        {
            var oldTag = (await oldClient.GetAsync(url)).ETag();

            var response = await newClient.GetIfNoneMatchAsync(url, oldTag);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} to the old tag");
            Assert.NotEqual(oldTag, response.ETag());
        }
        Assert.Equal("包拯：铁面无私，不徇私情", (await newClient.AnswerAsync<ExhibitAnswer>("/api/v1/exhibition/exhibits/honest-officials/baozheng")).Title);
    }

    [Fact]
    public async Task Instances_serving_the_same_content_give_the_same_tags_so_revalidation_works_behind_a_load_balancer()
    {
        using var copy = new ExhibitionSample();
        using var second = new ExhibitionApiFactory(copy, publicBaseUrl: null);
        var other = second.CreateClient();

        // Not the hall list: its tag also covers visit counts, which differ between these two hosts.
        foreach (var url in Urls.Skip(1))
            Assert.Equal((await _client.GetAsync(url)).ETag(), (await other.GetAsync(url)).ETag());
    }

    [Fact]
    public async Task A_compressed_answer_has_its_own_strong_tag_and_revalidates_to_304()
    {
        const string url = "/api/v1/exhibition/halls/honest-officials";
        var plain = await _client.GetAsync(url);
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var gzip = await _client.SendAsync(request);

        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        Assert.Equal(plain.ETag()[..^1] + "-gzip\"", gzip.ETag());
        var revalidated = new HttpRequestMessage(HttpMethod.Get, url);
        revalidated.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        revalidated.Headers.TryAddWithoutValidation("If-None-Match", gzip.ETag());
        var response = await _client.SendAsync(revalidated);
        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(gzip.ETag(), response.ETag());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task Problems_are_not_given_a_tag_or_public_caching()
    {
        var response = await _client.GetAsync("/api/v1/news/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.ETag);
        Assert.NotEqual(true, response.Headers.CacheControl?.Public);
    }

    private static void AssertPublicFiveMinutes(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl?.Public, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.Equal(TimeSpan.FromSeconds(300), response.Headers.CacheControl?.MaxAge);
    }
}
