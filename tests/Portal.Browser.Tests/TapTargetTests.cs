using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Portal.Core.Exhibition;

namespace Portal.Browser.Tests;

/// <summary>
/// Every public page on a 360×740 phone, in normal and large print: each thing a finger can tap is at least 44×44 CSS px
/// (48×48 in large print), and in large print no visible text is under 18 px, chart text included.
/// A link inside a running sentence is WCAG 2.5.5's one exception: it is listed apart and not failed, and lists and
/// navigation use block links so that this exception stays rare.
/// </summary>
public class TapTargetTests(SiteOnKestrel site, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SiteOnKestrel>
{
    private const string Village = "410221101203";

    private IEnumerable<string> PublicPages()
    {
        var content = site.Services.GetRequiredService<IExhibitionContent>();
        var hall = content.Halls().First(h => h.Exhibits.Count > 0);
        // An audio guide's transcript lines become buttons when its script runs.
        var guide = content.Halls().SelectMany(h => h.Exhibits).First(e => e.Kind == ExhibitKind.Audio);
        return
        [
            "/", "/payments", "/payments/41", "/payments/410221", "/payments/410221101", "/payments/" + Village,
            "/payments/find?q=史庄", "/payments/lookup", "/payments/status/410221", "/payments/supervision/410221101",
            "/reports", "/reports/new?confirm=1", "/reports/progress", "/reports/statistics", "/reports/statistics?office=410221",
            "/exhibition", "/exhibition/" + hall.Slug, "/exhibition/" + hall.Exhibits[0].Id, "/exhibition/" + guide.Id, "/news",
            "/news?office=410221", "/news/" + content.News(1, 1).Items[0].Id,
        ];
    }

    // Visible means laid out, not hidden, and not inside a closed <details>.
    private const string Visible = "e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }); }";

    private static readonly string SmallTargets = $$"""
        min => {
          const visible = {{Visible}};
          const name = e => (e.getAttribute('aria-label') || e.innerText || e.value || e.name || e.type || e.tagName).trim().replace(/\s+/g, ' ').slice(0, 30);
          // A link in a sentence: shown inline, and its block holds more text than the link itself.
          const inSentence = e => {
            if (e.tagName !== 'A' || getComputedStyle(e).display !== 'inline') return false;
            let block = e.parentElement;
            while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
            return block && block.innerText.trim().length > e.innerText.trim().length + 4;
          };
          const small = [], inline = [];
          for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
            if (!visible(e)) continue;
            const r = e.getBoundingClientRect();
            // A radio or checkbox counts with its label: the label is what is tapped.
            const label = (e.type === 'radio' || e.type === 'checkbox') && e.closest('label');
            const box = label ? label.getBoundingClientRect() : r;
            if (box.width >= min - 0.5 && box.height >= min - 0.5) continue;
            const line = `${e.tagName.toLowerCase()} "${name(e)}" ${Math.round(box.width)}×${Math.round(box.height)}`;
            (inSentence(e) ? inline : small).push(line);
          }
          return { small, inline };
        }
        """;

    private static readonly string SmallText = $$"""
        min => {
          const visible = {{Visible}};
          const found = [];
          const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, { acceptNode: t => t.data.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT });
          for (let t = walk.nextNode(); t; t = walk.nextNode()) {
            const e = t.parentElement;
            if (!e || !visible(e)) continue;
            let size = parseFloat(getComputedStyle(e).fontSize);
            // Chart text is scaled with its drawing: what the reader sees is the size times the SVG's scale.
            if (e instanceof SVGElement && e.getScreenCTM()) size *= e.getScreenCTM().a;
            if (size < min - 0.05) found.push(`"${t.data.trim().slice(0, 20)}" ${size.toFixed(1)}px`);
          }
          return [...new Set(found)];
        }
        """;

    private async Task<List<string>> OnEveryPage(bool large, Func<IPage, string, Task<IEnumerable<string>>> look)
    {
        var page = await site.NewPhonePage();
        if (large) await page.GotoAsync("/large-print?on=1");
        var found = new List<string>();
        foreach (var url in PublicPages())
        {
            await page.GotoAsync(url);
            found.AddRange((await look(page, url)).Select(line => $"{(large ? "大字版 " : "")}{url}: {line}"));
        }
        return found;
    }

    [ChromiumFact]
    public Task Every_tap_target_on_the_public_pages_is_at_least_44px_on_a_360px_phone() => TargetsAreAtLeast(false, 44);

    [ChromiumFact]
    public Task Every_tap_target_on_the_public_pages_is_at_least_48px_in_large_print() => TargetsAreAtLeast(true, 48);

    private async Task TargetsAreAtLeast(bool large, int min)
    {
        var inline = new List<string>();
        var small = await OnEveryPage(large, async (page, url) =>
        {
            var result = await page.EvaluateAsync<JsonElement>(SmallTargets, min);
            inline.AddRange(result.GetProperty("inline").EnumerateArray().Select(e => $"{url}: {e.GetString()}"));
            return result.GetProperty("small").EnumerateArray().Select(e => e.GetString()!);
        });

        output.WriteLine($"Links inside sentences (WCAG's inline exception, not failed): {inline.Count}\n" + string.Join("\n", inline));
        Assert.True(small.Count == 0, $"{small.Count} tap targets are under {min}×{min} px:\n" + string.Join("\n", small));
    }

    [ChromiumFact]
    public async Task In_large_print_no_text_on_the_public_pages_is_under_18px_charts_included()
    {
        var small = await OnEveryPage(true, async (page, _) => await page.EvaluateAsync<string[]>(SmallText, 18));

        Assert.True(small.Count == 0, $"{small.Count} texts are under 18 px in large print:\n" + string.Join("\n", small));
    }
}
