using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Exhibition;
using static Microsoft.Playwright.Assertions;

namespace Portal.Browser.Tests;

/// <summary>A visitor walks a hall of the bundled exhibition on a phone and listens to its audio guide; every kind of page passes axe-core.</summary>
public class ExhibitionJourneyTests(SiteOnKestrel site) : IClassFixture<SiteOnKestrel>
{
    private IExhibitionContent Content => site.Services.GetRequiredService<IExhibitionContent>();

    private Hall HallWithAudioGuide => Content.Halls().FirstOrDefault(h => h.Exhibits.Any(e => e.Kind == ExhibitKind.Audio))
        ?? throw new InvalidOperationException("The bundled exhibition has no audio guide to test (content/exhibition).");

    private static string ExhibitUrl(Exhibit exhibit) => "/exhibition/" + exhibit.Id;

    [ChromiumFact]
    public async Task A_visitor_on_a_phone_walks_a_hall_from_the_hall_list_through_every_exhibit_with_next_and_plays_the_audio_guide()
    {
        var hall = HallWithAudioGuide;
        var page = await site.NewPhonePage();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "廉政展厅", Exact = true }).TapAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("廉政教育展厅");
        await page.GetByRole(AriaRole.Link, new() { Name = hall.Title, Exact = true }).TapAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(hall.Title);
        await NoSidewaysScroll(page, "the hall page");
        await page.ScreenshotAsync(new() { Path = Screenshots.File("hall-phone"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "开始参观", Exact = true }).TapAsync();
        for (var i = 0; i < hall.Exhibits.Count; i++)
        {
            var exhibit = hall.Exhibits[i];
            await Expect(page.Locator("h1")).ToHaveTextAsync(exhibit.Title);
            await Expect(page.Locator(".position")).ToContainTextAsync($"第 {i + 1} 件，共 {hall.Exhibits.Count} 件");
            await Expect(page.Locator(".transcript")).ToBeVisibleAsync();
            await NoSidewaysScroll(page, exhibit.Id);
            if (exhibit.Kind == ExhibitKind.Audio) await PlayAudioGuide(page, exhibit);
            if (i < hall.Exhibits.Count - 1) await page.Locator("a[rel=next]").GetByText("下一件").TapAsync();
        }

        await Expect(page.Locator("a[rel=next]")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "参观结束，返回展厅", Exact = false }).TapAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(hall.Title);
    }

    private static async Task PlayAudioGuide(IPage page, Exhibit exhibit)
    {
        await page.ScreenshotAsync(new() { Path = Screenshots.File("audio-guide-phone"), FullPage = true });
        var audio = page.Locator("audio");
        var canPlay = await audio.EvaluateAsync<string>("a => a.canPlayType('audio/mpeg')");
        var problem = await audio.EvaluateAsync<string?>("a => a.play().then(() => null, e => e.name + ': ' + e.message)");
        Assert.True(problem is null,
            $"{exhibit.Id}: audio.play() was refused ({problem}); canPlayType('audio/mpeg') = \"{canPlay}\". " +
            "If this says NotSupportedError, Debian's Chromium cannot decode MP3 here: the guide would be silent for this browser.");
        // Playback is waited for, not timed: the deadline only bounds a guide that never plays.
        var advanced = await audio.EvaluateAsync<bool>(
            "a => new Promise(done => { const t = setTimeout(() => done(false), 30000); const look = () => { if (a.currentTime > 0.3) { clearTimeout(t); done(true); } else if (!a.error) setTimeout(look, 50); else { clearTimeout(t); done(false); } }; look(); })");
        var time = await audio.EvaluateAsync<double>("a => a.currentTime");
        var error = await audio.EvaluateAsync<string?>("a => a.error ? 'MediaError ' + a.error.code + ' ' + a.error.message : null");
        Assert.True(advanced, $"{exhibit.Id}: the audio guide did not advance past 0.3 s (currentTime {time} s; {error ?? "no media error"}; canPlayType('audio/mpeg') = \"{canPlay}\").");
        await audio.EvaluateAsync("a => a.pause()");
    }

    [ChromiumFact]
    public async Task A_visitor_listening_to_an_audio_guide_on_a_phone_sees_the_line_being_read_marked_and_taps_a_line_to_hear_it_again()
    {
        var exhibit = HallWithAudioGuide.Exhibits.First(e => e.Kind == ExhibitKind.Audio);
        var captions = exhibit.Media.Single(m => m.ContentType.StartsWith("audio/", StringComparison.Ordinal)).Captions!;
        var lines = site.Services.GetRequiredService<ExhibitionMediaStore>().CuesOf(captions);
        Assert.True(lines.Count >= 4, $"{exhibit.Id} has {lines.Count} caption lines; the journey needs four");
        var page = await site.NewPhonePage();
        await page.GotoAsync(ExhibitUrl(exhibit));
        var audio = page.Locator("audio");
        var reading = page.Locator("ol.cues [aria-current=true]");
        await audio.EvaluateAsync("a => { a.muted = true; }");
        var taps = 0;

        // The first line plays the guide from its start (1 tap), and it is the line marked.
        await page.Locator("ol.cues button").First.TapAsync();
        taps++;
        await Expect(reading).ToHaveTextAsync(lines[0].Text);
        await page.ScreenshotAsync(new() { Path = Screenshots.File("audio-guide-reading-phone") });

        // Playing on from just before the second line ends, the mark moves to the third line as the guide reaches it.
        await Seek(audio, lines[1].End.TotalSeconds - 0.2);
        await Expect(reading).ToHaveTextAsync(lines[1].Text);
        await Expect(reading).ToHaveTextAsync(lines[2].Text, new() { Timeout = 15_000 });
        Assert.False(await audio.EvaluateAsync<bool>("a => a.paused"), "the guide stopped playing");

        // A visitor reading along is followed down the page to the last line.
        await Seek(audio, lines[^1].Start.TotalSeconds + 0.1);
        await Expect(reading).ToHaveTextAsync(lines[^1].Text);
        await Expect(reading).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.ScreenshotAsync(new() { Path = Screenshots.File("audio-guide-followed-phone") });

        // A visitor who scrolled back up to the player is left there when the line being read changes.
        await page.EvaluateAsync("() => window.scrollTo({ top: 0, behavior: 'instant' })");
        await Seek(audio, lines[^2].Start.TotalSeconds + 0.1);
        await Expect(reading).ToHaveTextAsync(lines[^2].Text);
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));

        // A line tapped is heard again from its start (1 tap).
        await page.Locator("ol.cues button").Nth(3).TapAsync();
        taps++;
        await Expect(reading).ToHaveTextAsync(lines[3].Text);
        var time = await audio.EvaluateAsync<double>("a => a.currentTime");
        Assert.True(time >= lines[3].Start.TotalSeconds - 0.05 && time < lines[3].End.TotalSeconds, $"the tapped line starts at {lines[3].Start.TotalSeconds} s; the guide is at {time} s");
        Assert.True(taps <= 2, $"{taps} taps to play the guide and hear a line again");
    }

    private static Task Seek(ILocator audio, double seconds) => audio.EvaluateAsync("(a, t) => { a.currentTime = t; }", seconds);

    private static async Task NoSidewaysScroll(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} scrolls sideways at 360px");

    [AxeFact]
    public async Task Every_kind_of_exhibition_and_news_page_has_no_WCAG_2_1_A_or_AA_violations()
    {
        var hall = HallWithAudioGuide;
        var exhibits = Content.Halls().SelectMany(h => h.Exhibits).ToList();
        var urls = new List<string> { "/exhibition", "/exhibition/" + hall.Slug, "/news", "/news?office=410221", "/news/" + Content.News(1, 1).Items[0].Id, "/" };
        urls.AddRange(Enum.GetValues<ExhibitKind>().Select(kind => exhibits.FirstOrDefault(e => e.Kind == kind)).OfType<Exhibit>().Select(ExhibitUrl));
        var found = await AxeCheck.ViolationsAsync(site, urls);

        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 A/AA violations:\n" + string.Join("\n", found));
    }
}
