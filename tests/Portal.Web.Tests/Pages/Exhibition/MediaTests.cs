using System.Net;
using System.Net.Http.Headers;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Exhibition;

[Collection(ExhibitionCollection.Name)]
public class MediaTests(ExhibitionSite site)
{
    private readonly HttpClient _client = site.CreateClient();

    [Theory]
    [InlineData("qingguan/cover.svg", "image/svg+xml")]
    [InlineData("qingguan/kaifeng.png", "image/png")]
    [InlineData("jilv/wall.jpg", "image/jpeg")]
    [InlineData("qingguan/guide.mp3", "audio/mpeg")]
    [InlineData("qingguan/film.mp4", "video/mp4")]
    [InlineData("qingguan/guide.vtt", "text/vtt")]
    public async Task Media_are_served_with_their_type_unsniffable_and_cached_for_long(string path, string type)
    {
        var response = await _client.GetAsync("/media/exhibition/" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.Public, $"Cache-Control {response.Headers.CacheControl}");
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(7), $"Cache-Control {response.Headers.CacheControl}");
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(site.Content.MediaDirectory, path)), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_SVG_opened_on_its_own_may_not_run_script_or_load_anything()
    {
        var svg = await _client.GetAsync("/media/exhibition/qingguan/cover.svg");
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'", Assert.Single(svg.Headers.GetValues("Content-Security-Policy")));

        // Other media carry the policy of every public answer: no script at all.
        var png = await _client.GetAsync("/media/exhibition/qingguan/kaifeng.png");
        Infrastructure.ResponseHeaders.AssertPublic(png, "kaifeng.png");
    }

    [Theory]
    [InlineData("qingguan/guide.mp3", "audio/mpeg")]
    [InlineData("qingguan/film.mp4", "video/mp4")]
    public async Task Audio_and_video_can_be_fetched_in_parts_so_a_player_can_seek(string path, string type)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/media/exhibition/" + path);
        request.Headers.Range = new RangeHeaderValue(100, 1099);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        var length = new FileInfo(Path.Combine(site.Content.MediaDirectory, path)).Length;
        Assert.Equal($"bytes 100-1099/{length}", response.Content.Headers.ContentRange?.ToString());
        Assert.Equal(1000, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    [Theory]
    [InlineData("/media/exhibition/..%2Fhalls%2F01-qingguan%2Fhall.md")]
    [InlineData("/media/exhibition/%2E%2E/halls/01-qingguan/hall.md")]
    [InlineData("/media/exhibition/qingguan/%2E%2E/%2E%2E/halls/01-qingguan/hall.md")]
    [InlineData("/media/exhibition/..\\halls\\01-qingguan\\hall.md")]
    public async Task A_path_that_climbs_out_of_the_media_folder_is_not_found(string url)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("清官故事厅", body);
    }

    [Fact]
    public async Task A_missing_file_or_a_folder_is_the_Chinese_404_page_and_never_a_listing()
    {
        foreach (var url in new[] { "/media/exhibition/qingguan/none.svg", "/media/exhibition/qingguan/", "/media/exhibition/qingguan", "/media/exhibition/" })
        {
            var html = await Html.Get(_client, url, HttpStatusCode.NotFound);
            Assert.Contains("找不到这个文件", html);
            Assert.DoesNotContain("cover.svg", html);
        }
    }

    [Fact]
    public async Task Files_of_other_kinds_in_the_media_folder_are_never_served()
    {
        await File.WriteAllTextAsync(Path.Combine(site.Content.MediaDirectory, "page.html"), "<script>alert(1)</script>");
        await File.WriteAllTextAsync(Path.Combine(site.Content.MediaDirectory, ".hidden.svg"), "<svg/>");

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/media/exhibition/page.html")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/media/exhibition/.hidden.svg")).StatusCode);
    }
}
