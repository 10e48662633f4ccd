using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Exhibition;
using Portal.Web.Tests.Infrastructure;
using static Portal.Web.Tests.Pages.Exhibition.ExhibitionHtml;

namespace Portal.Web.Tests.Pages.Exhibition;

/// <summary>
/// The bundled audio guides: a deaf visitor, or a phone without JavaScript, reads each guide line by line under its player,
/// as its caption file times it; the page may run the site's one script that marks the line being read, and nothing else.
/// </summary>
[Collection(WebCollection.Name)]
public partial class AudioGuideTests(PortalWebFactory factory)
{
    private List<Exhibit> Guides() =>
        factory.Services.GetRequiredService<IExhibitionContent>().Halls().SelectMany(h => h.Exhibits).Where(e => e.Kind == ExhibitKind.Audio).ToList();

    /// <summary>What a caption file says is read, when: each timing line's start and the text lines under it, in the file's order.</summary>
    private static List<(double Start, string Text)> Spoken(string webVtt)
    {
        var spoken = new List<(double, string)>();
        foreach (var block in webVtt.Replace("\r\n", "\n").Split("\n\n"))
        {
            var lines = block.Split('\n').ToList();
            var timing = lines.FindIndex(l => l.Contains("-->", StringComparison.Ordinal));
            if (timing < 0) continue;
            var start = TimeSpan.Parse(lines[timing].Split("-->")[0].Trim(), CultureInfo.InvariantCulture).TotalSeconds;
            spoken.Add((start, string.Join(" ", lines.Skip(timing + 1).Where(l => l.Length > 0))));
        }
        return spoken;
    }

    [Fact]
    public async Task Every_bundled_audio_guide_shows_each_line_of_its_captions_in_the_order_it_is_read_under_its_player()
    {
        var client = factory.CreateClient();
        var media = factory.Services.GetRequiredService<ExhibitionMediaStore>();
        var guides = Guides();
        Assert.NotEmpty(guides);

        foreach (var exhibit in guides)
        {
            var audio = exhibit.Media.Single(m => m.ContentType.StartsWith("audio/", StringComparison.Ordinal));
            var spoken = Spoken(await File.ReadAllTextAsync(Path.Combine(media.BundledFolder, audio.Captions!)));
            var html = await Html.Get(client, "/exhibition/" + exhibit.Id);

            var player = Attribute(Between(html, "<audio ", ">"), "id");
            var transcript = Between(html, "<section class=\"transcript\"", "</section>");
            var shown = Line().Matches(transcript).Select(m => (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), WebUtility.HtmlDecode(m.Groups[2].Value))).ToList();
            Assert.True(spoken.Count > 1, $"{exhibit.Id}: its captions have {spoken.Count} lines");
            Assert.Equal(spoken, shown);
            Assert.Contains($"<ol class=\"cues\" data-audio=\"{player}\">", transcript);
            Assert.True(html.IndexOf("<audio ", StringComparison.Ordinal) < html.IndexOf("<ol class=\"cues\"", StringComparison.Ordinal), $"{exhibit.Id}: the transcript is not under the player");
        }
    }

    [Fact]
    public async Task An_audio_guide_page_runs_the_sites_own_script_file_and_no_other_also_from_the_output_cache()
    {
        var client = factory.CreateClient();
        var url = "/exhibition/" + Guides()[0].Id;

        var first = await client.GetAsync(url);
        var cached = await client.GetAsync(url);

        Assert.True(cached.Headers.Age is not null, "the second answer did not come from the output cache");
        foreach (var (response, what) in new[] { (first, "first"), (cached, "cached") })
        {
            var policy = ResponseHeaders.Directives(response);
            Assert.True(policy.GetValueOrDefault("script-src") == "'self'", $"{what}: {ResponseHeaders.Csp(response)}");
            Assert.Equal("'self'", policy["frame-ancestors"]);
            Assert.Equal("'none'", policy["object-src"]);
            ResponseHeaders.AssertCommon(response, what);
        }
        var html = await cached.Content.ReadAsStringAsync();
        Assert.Equal(1, Regex.Count(html, "<script"));
        var script = Assert.Single(Script().Matches(html));
        Assert.Contains(" defer", script.Value);
        var file = await client.GetAsync(WebUtility.HtmlDecode(script.Groups[1].Value));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/javascript", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", file.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_exhibit_without_an_audio_guide_still_runs_no_script()
    {
        var client = factory.CreateClient();
        var exhibit = factory.Services.GetRequiredService<IExhibitionContent>().Halls().SelectMany(h => h.Exhibits).First(e => e.Kind != ExhibitKind.Audio);

        var response = await client.GetAsync("/exhibition/" + exhibit.Id);

        ResponseHeaders.AssertPublic(response, exhibit.Id);
        Assert.DoesNotContain("<script", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<li data-start=\"([0-9.]+)\">([^<]*)</li>")]
    private static partial Regex Line();

    [GeneratedRegex("<script src=\"([^\"]+)\"[^>]*></script>")]
    private static partial Regex Script();
}
