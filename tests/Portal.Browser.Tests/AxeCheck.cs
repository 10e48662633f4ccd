using System.Text.Json;
using Microsoft.Playwright;

namespace Portal.Browser.Tests;

/// <summary>Runs axe-core's WCAG 2.1 A and AA rules on pages, in normal and large print, and lists what it found.</summary>
internal static class AxeCheck
{
    /// <param name="newPage">Opens the browser page to check with (a signed-in staff member's); a fresh phone when null.</param>
    public static Task<List<string>> ViolationsAsync(SiteOnKestrel site, IEnumerable<string> urls, Func<Task<IPage>>? newPage = null) =>
        ViolationsAsync(site, urls.Select(url => (url, (Func<IPage, Task>)(page => page.GotoAsync(url)))), newPage);

    /// <summary>The same for pages reached by more than an address, such as a posted form: each is opened by its own steps.</summary>
    public static async Task<List<string>> ViolationsAsync(SiteOnKestrel site, IEnumerable<(string Name, Func<IPage, Task> Open)> pages, Func<Task<IPage>>? newPage = null)
    {
        var script = AxeFactAttribute.ScriptPath ?? throw new InvalidOperationException(
            "axe-core is missing under CI: tests/services.sh installs it into .local/test-tools (npm axe-core@4.14.1).");
        var found = new List<string>();
        foreach (var large in new[] { false, true })
        {
            var page = await (newPage ?? site.NewPhonePage)();
            // Added by the browser before each page loads: the pages' content policy lets no script tag in.
            await page.AddInitScriptAsync(scriptPath: script);
            if (large) await page.GotoAsync("/large-print?on=1");
            foreach (var (name, open) in pages)
            {
                await open(page);
                var result = await page.EvaluateAsync<JsonElement>("""
                    async () => {
                      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
                      return {
                        passes: r.passes.length,
                        violations: r.violations.map(v => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map(n => n.target.join(' ')).join(', ')}`),
                      };
                    }
                    """);
                Assert.True(result.GetProperty("passes").GetInt32() > 10, $"{name}: axe-core checked almost nothing; is it the page?");
                found.AddRange(result.GetProperty("violations").EnumerateArray().Select(v => $"{(large ? "大字版 " : "")}{name}: {v.GetString()}"));
            }
        }
        return found;
    }
}
