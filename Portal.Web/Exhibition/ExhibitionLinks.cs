using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Portal.Core.Exhibition;

namespace Portal.Web.Exhibition;

/// <summary>The addresses of the exhibition and news pages, built in one place so pages, the feed and tests agree.</summary>
public static class ExhibitionLinks
{
    public const string Halls = "/exhibition";
    public const string NewsList = "/news";
    public const string Feed = "/news/feed.atom";

    public static string Hall(string slug) => Halls + "/" + Uri.EscapeDataString(slug);

    public static string Exhibit(Exhibit exhibit) => Hall(exhibit.HallSlug) + "/" + Uri.EscapeDataString(exhibit.Id[(exhibit.Id.IndexOf('/') + 1)..]);

    public static string Article(string id) => NewsList + "/" + Uri.EscapeDataString(id);

    // Built by hand: "page" is a reserved route value in Razor Pages, so Url.Page would drop it.
    public static string News(int page = 1, string? category = null, string? office = null) => NewsList + new QueryBuilder(
        new[] { ("office", office), ("category", category), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null) }
            .Where(q => q.Item2 is not null).Select(q => KeyValuePair.Create(q.Item1, q.Item2!))).ToQueryString();
}
