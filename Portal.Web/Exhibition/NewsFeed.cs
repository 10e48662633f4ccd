using System.Text;
using System.Xml;
using System.Xml.Linq;
using Portal.Core.Exhibition;
using Portal.Core.Reports;

namespace Portal.Web.Exhibition;

/// <summary>The news as an Atom 1.0 feed (RFC 4287): the latest items, newest first, each with its whole sanitized body and its office as author.</summary>
public static class NewsFeed
{
    public const string ContentType = "application/atom+xml; charset=utf-8";
    public const int Size = 20;
    public const string Title = "新闻发布 - 阳光惠民监督平台";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    /// <param name="site">The site's absolute root without a trailing slash, e.g. <c>https://example.gov.cn</c>.</param>
    public static string Write(IReadOnlyList<NewsArticle> latest, string site, NewsOffices offices)
    {
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            // Links and images inside the bodies are site-relative; readers resolve them against the site.
            new XAttribute(XNamespace.Xml + "base", site + "/"),
            new XElement(Atom + "id", site + ExhibitionLinks.NewsList),
            new XElement(Atom + "title", Title),
            new XElement(Atom + "subtitle", "纪检监察工作动态和典型案例通报"),
            new XElement(Atom + "updated", Timestamp(latest.Count > 0 ? latest.Max(n => n.Date) : DateOnly.FromDateTime(DateTime.UnixEpoch))),
            Link("self", site + ExhibitionLinks.Feed, "application/atom+xml"),
            Link("alternate", site + ExhibitionLinks.NewsList, "text/html"),
            new XElement(Atom + "author", new XElement(Atom + "name", "阳光惠民监督平台")),
            latest.Select(article => Entry(article, site, offices.Of(article).Name)));
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true }))
            feed.WriteTo(writer);
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text;
    }

    private static XElement Entry(NewsArticle article, string site, string office)
    {
        var url = site + ExhibitionLinks.Article(article.Id);
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", url),
            new XElement(Atom + "title", article.Title),
            new XElement(Atom + "updated", Timestamp(article.Date)),
            new XElement(Atom + "published", Timestamp(article.Date)),
            Link("alternate", url, "text/html"),
            new XElement(Atom + "author", new XElement(Atom + "name", office)),
            new XElement(Atom + "category", new XAttribute("term", article.Category)),
            new XElement(Atom + "summary", article.Summary),
            // The body is the sanitized HTML the article page shows, escaped as text as type="html" requires.
            new XElement(Atom + "content", new XAttribute("type", "html"), article.BodyHtml));
    }

    private static XElement Link(string rel, string href, string type) =>
        new(Atom + "link", new XAttribute("rel", rel), new XAttribute("type", type), new XAttribute("href", href));

    // Articles are dated by the day in Beijing; the feed states that day's midnight there.
    private static string Timestamp(DateOnly date) => XmlConvert.ToString(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset));
}
