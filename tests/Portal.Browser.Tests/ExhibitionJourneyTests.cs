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

    private static async Task NoSidewaysScroll(IPage page, string what) =>
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{what} scrolls sideways at 360px");

    [AxeFact]
    public async Task Every_kind_of_exhibition_and_news_page_has_no_WCAG_2_1_A_or_AA_violations()
    {
        var hall = HallWithAudioGuide;
        var exhibits = Content.Halls().SelectMany(h => h.Exhibits).ToList();
        var urls = new List<string> { "/exhibition", "/exhibition/" + hall.Slug, "/news", "/news/" + Content.News(1, 1).Items[0].Id, "/" };
        urls.AddRange(Enum.GetValues<ExhibitKind>().Select(kind => exhibits.FirstOrDefault(e => e.Kind == kind)).OfType<Exhibit>().Select(ExhibitUrl));
        var found = await AxeCheck.ViolationsAsync(site, urls);

        Assert.True(found.Count == 0, "axe-core found WCAG 2.1 A/AA violations:\n" + string.Join("\n", found));
    }
}
