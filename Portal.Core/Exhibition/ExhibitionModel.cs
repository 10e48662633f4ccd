namespace Portal.Core.Exhibition;

public enum ExhibitKind { Text, Image, Series, Audio, Video }

/// <summary>A picture, a comic panel, an audio guide or a video, with its text alternative and, for audio and video, WebVTT captions.</summary>
/// <param name="Src">Path under the exhibition's media folder, e.g. <c>baozheng/kaifeng-fu.svg</c>.</param>
/// <param name="Captions">Path of the WebVTT file under the media folder, for audio and video.</param>
public sealed record MediaItem(string Src, string? Alt, string? Captions, string ContentType);

/// <summary>An exhibition hall (展厅): an introduction and its exhibits, walked through in order.</summary>
public sealed record Hall(string Slug, int Order, string Title, string Summary, string IntroductionHtml, MediaItem? Cover, IReadOnlyList<Exhibit> Exhibits);

/// <summary>An exhibit (展品). Its transcript is the whole text: what the picture shows, what the guide says.</summary>
public sealed record Exhibit(string Id, string HallSlug, int Order, ExhibitKind Kind, string Title, string? Caption,
    IReadOnlyList<MediaItem> Media, string TranscriptHtml, string? Source, DateOnly? Date);

public static class NewsCategories
{
    public const string News = "工作动态";
    public const string TypicalCase = "典型案例通报";
    public static readonly IReadOnlyList<string> All = [News, TypicalCase];
}

/// <summary>A news item or a typical-case notice (典型案例通报), written by an office; <see cref="NewsOffices"/> names it.</summary>
/// <param name="OfficeCode">The office as written; null for the top office's (city-wide) news.</param>
public sealed record NewsArticle(string Id, string Title, string Summary, string BodyHtml, DateOnly Date, string Category, MediaItem? Cover, string? OfficeCode = null);

public sealed record NewsPage(IReadOnlyList<NewsArticle> Items, int Total, int Page, int PageSize);

/// <summary>What the public pages and the API read of the exhibition and the news.</summary>
public interface IExhibitionContent
{
    IReadOnlyList<Hall> Halls();
    Hall? Hall(string slug);
    Exhibit? Exhibit(string id);
    /// <summary>The news newest first, optionally of one category and of one office (its <see cref="NewsArticle.OfficeCode"/>).</summary>
    NewsPage News(int page, int pageSize, string? category = null, string? office = null);
    NewsArticle? Article(string id);

    /// <summary>Changes whenever any published content changes; the basis of ETags.</summary>
    string Version { get; }
}
