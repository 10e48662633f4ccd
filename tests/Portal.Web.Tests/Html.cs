using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests;

/// <summary>Reads what a person sees on the site's pages, by the markup the pages promise.</summary>
public static partial class Html
{
    public static async Task<string> Get(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"GET {url}: expected {expected}, got {response.StatusCode}\n{html}");
        return html;
    }

    /// <summary>Child regions with data: name → (count, total as shown).</summary>
    public static Dictionary<string, (int Count, string Total)> RegionRows(string html) =>
        RegionRow().Matches(html).ToDictionary(m => m.Groups[1].Value, m => (int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[3].Value));

    public static List<string> EmptyRegions(string html) => EmptyRegion().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The headline count and total of the filtered set.</summary>
    public static (int Count, string Total) Sum(string html)
    {
        var m = SumLine().Match(html);
        Assert.True(m.Success, "no count/total line on the page");
        return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value);
    }

    public static List<string> MaskedNames(string html) => Name().Matches(html).Select(m => m.Groups[1].Value).ToList();

    public static List<decimal> RowAmounts(string html)
    {
        var table = html.IndexOf("class=\"payments\"", StringComparison.Ordinal);
        return table < 0 ? [] : Amount().Matches(html[table..]).Select(m => decimal.Parse(m.Groups[1].Value, NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
    }

    public static string? NextLink(string html) => Next().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string Link(string html, string text)
    {
        var m = Regex.Match(html, $"<a [^>]*href=\"([^\"]+)\"[^>]*>{Regex.Escape(text)}</a>");
        Assert.True(m.Success, $"no link 「{text}」");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    public static string AntiforgeryToken(string html) => Token().Match(html).Groups[1].Value;

    [GeneratedRegex("<th scope=\"row\"><a href=\"[^\"]*\">([^<]+)</a></th>\\s*<td class=\"num\">(\\d+)</td><td class=\"num\"[^>]*>([^<]+)</td>")]
    private static partial Regex RegionRow();

    [GeneratedRegex("<th scope=\"row\"><a href=\"[^\"]*\">([^<]+)</a></th>\\s*<td colspan=\"2\" class=\"none\">暂无公开数据</td>")]
    private static partial Regex EmptyRegion();

    [GeneratedRegex("<b class=\"count\">(\\d+)</b>.*?<b class=\"total\">([^<]+)</b>", RegexOptions.Singleline)]
    private static partial Regex SumLine();

    [GeneratedRegex("<b class=\"name\">([^<]+)</b>")]
    private static partial Regex Name();

    [GeneratedRegex("<td class=\"num\">¥([\\d,.]+)</td>")]
    private static partial Regex Amount();

    [GeneratedRegex("<a rel=\"next\" href=\"([^\"]+)\">")]
    private static partial Regex Next();

    [GeneratedRegex("name=\"af\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
