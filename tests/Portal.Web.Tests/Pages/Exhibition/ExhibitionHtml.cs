using System.Net;
using System.Text.RegularExpressions;

namespace Portal.Web.Tests.Pages.Exhibition;

/// <summary>Reads the exhibition and news pages by the markup they promise.</summary>
public static partial class ExhibitionHtml
{
    /// <summary>The value of a meta tag of the head, by name or property.</summary>
    public static string? Meta(string html, string key) =>
        Regex.Match(html, $"<meta (?:name|property)=\"{Regex.Escape(key)}\" content=\"([^\"]*)\">") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string Title(string html) => WebUtility.HtmlDecode(TitleTag().Match(html).Groups[1].Value);

    public static string H1(string html) => WebUtility.HtmlDecode(Heading().Match(html).Groups[1].Value);

    /// <summary>The href of the first link with this rel, or null.</summary>
    public static string? Rel(string html, string rel) =>
        Regex.Match(html, $"<a rel=\"{rel}\" href=\"([^\"]+)\">") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    /// <summary>The part of the page between an opening tag that contains <paramref name="start"/> and the next <paramref name="end"/>.</summary>
    public static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no 「{start}」 on the page");
        var to = html.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"no 「{end}」 after 「{start}」");
        return html[from..to];
    }

    /// <summary>Every &lt;img&gt; tag in a piece of a page.</summary>
    public static List<string> Images(string html) => Image().Matches(html).Select(m => m.Value).ToList();

    public static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $" {name}=\"([^\"]*)\"") is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleTag();

    [GeneratedRegex("<h1>([^<]*)</h1>")]
    private static partial Regex Heading();

    [GeneratedRegex("<img [^>]*>")]
    private static partial Regex Image();
}
