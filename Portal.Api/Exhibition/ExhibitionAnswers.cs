using System.ComponentModel;
using Portal.Api.Reports;
using Portal.Core.Exhibition;

namespace Portal.Api.Exhibition;

// The public shapes of the exhibition and news, one record per answer, mapped by hand from Core types.
// HTML fields hold the Core's sanitized HTML (no script, event handlers, javascript: links or frames); every
// other field is plain text. Media addresses are absolute (see MediaAddresses): a mini-program has no page
// to resolve a relative address against.

internal static class AnswerText
{
    public const string Category = "类别：工作动态 或 典型案例通报。";
    public const string Office = "发布这篇文章的纪委监委；未注明机关的是最上级机关（市纪委监委）的。";

    public const string Kind = "展品类型：text 文字、image 图片、series 组图或连环画、audio 音频导览、video 视频。";

    public const string Url = "媒体的绝对地址（由网站提供）：以服务器配置的网站公开地址 Portal:PublicBaseUrl 开头；未配置时取本次请求的协议和主机。";
}

public sealed record ImageAnswer(
    [property: Description(AnswerText.Url)] string Url,
    [property: Description("替代文字：图片说的是什么，供读屏软件朗读。")] string? Alt)
{
    public static ImageAnswer? From(MediaItem? item, MediaLinks links) => item is null ? null : new(links.Url(item.Src), item.Alt);
}

public sealed record HallLinks([property: Description("这个展厅（含展品列表）的接口地址。")] string Self);

/// <summary>A hall in the list: enough for a card with its cover and 累计访问量.</summary>
public sealed record HallSummaryAnswer(
    [property: Description("展厅代码，如 honest-officials。")] string Slug,
    string Title,
    [property: Description("一两句话的简介（纯文本）。")] string Summary,
    ImageAnswer? Cover,
    [property: Description("展品件数。")] int ExhibitCount,
    [property: Description("累计访问量：网站展厅页和本接口展厅详情的浏览次数之和。其他服务器实例上的浏览几秒后计入；手机或代理缓存的答复最多旧 5 分钟。")] long Visits,
    HallLinks Links)
{
    public static HallSummaryAnswer From(Hall hall, long visits, MediaLinks links, string self) => new(
        hall.Slug, hall.Title, hall.Summary, ImageAnswer.From(hall.Cover, links), hall.Exhibits.Count, visits, new HallLinks(self));
}

/// <summary>A hall as its page shows it: the introduction and the exhibits to walk through in order.</summary>
public sealed record HallAnswer(
    string Slug,
    string Title,
    string Summary,
    ImageAnswer? Cover,
    [property: Description("导语，已净化的 HTML（只含标题、段落、列表、表格、图片、链接等）。")] string IntroductionHtml,
    [property: Description("展品，按参观顺序。")] IReadOnlyList<ExhibitSummaryAnswer> Exhibits)
{
    public static HallAnswer From(Hall hall, MediaLinks links) => new(
        hall.Slug, hall.Title, hall.Summary, ImageAnswer.From(hall.Cover, links), hall.IntroductionHtml,
        hall.Exhibits.Select(e => ExhibitSummaryAnswer.From(e, links)).ToList());
}

public sealed record ExhibitSummaryAnswer(
    [property: Description("展品代码，形如“展厅代码/展品代码”，如 honest-officials/baozheng；用于 /api/v1/exhibition/exhibits/{id}。")] string Id,
    [property: Description("在展厅中的序号。")] int Order,
    [property: Description(AnswerText.Kind)] string Kind,
    string Title,
    [property: Description("说明文字（纯文本）；没有时为 null。")] string? Caption,
    [property: Description("缩略图的绝对地址：第一张图片；文字、音频、视频展品没有图片时为 null。")] string? ThumbnailUrl)
{
    public static ExhibitSummaryAnswer From(Exhibit exhibit, MediaLinks links) => new(
        exhibit.Id, exhibit.Order, ExhibitAnswer.KindName(exhibit.Kind), exhibit.Title, exhibit.Caption,
        links.Url(exhibit.Media.FirstOrDefault(m => m.ContentType.StartsWith("image/", StringComparison.Ordinal))));
}

public sealed record HallLink(string Slug, string Title);

public sealed record MediaAnswer(
    [property: Description(AnswerText.Url)] string Url,
    [property: Description("替代文字（图片）或简短说明（音频、视频）；完整文字见 transcriptHtml。")] string? Alt,
    [property: Description("WebVTT 字幕的绝对地址（音频、视频）；没有时为 null。")] string? CaptionsUrl,
    [property: Description("媒体类型，如 image/svg+xml、image/png、audio/mpeg、video/mp4。")] string ContentType)
{
    public static MediaAnswer From(MediaItem item, MediaLinks links) =>
        new(links.Url(item.Src), item.Alt, item.Captions is null ? null : links.Url(item.Captions), item.ContentType);
}

/// <summary>One exhibit with its media and the whole text, and where the walk goes next.</summary>
public sealed record ExhibitAnswer(
    string Id,
    HallLink Hall,
    int Order,
    [property: Description(AnswerText.Kind)] string Kind,
    string Title,
    string? Caption,
    [property: Description("图片、连环画的各格、音频导览或视频，按顺序。")] IReadOnlyList<MediaAnswer> Media,
    [property: Description("文字稿：画面内容或解说词的全文，已净化的 HTML。")] string TranscriptHtml,
    [property: Description("出处；没有时为 null。")] string? Source,
    [property: Description("日期（yyyy-MM-dd）；没有时为 null。")] DateOnly? Date,
    [property: Description("同一展厅中上一件展品的 id；第一件时为 null。")] string? Previous,
    [property: Description("同一展厅中下一件展品的 id；最后一件时为 null。")] string? Next)
{
    public static ExhibitAnswer From(Exhibit exhibit, Hall hall, MediaLinks links)
    {
        var at = IndexIn(hall, exhibit);
        return new(
            exhibit.Id, new HallLink(hall.Slug, hall.Title), exhibit.Order, KindName(exhibit.Kind), exhibit.Title, exhibit.Caption,
            exhibit.Media.Select(m => MediaAnswer.From(m, links)).ToList(), exhibit.TranscriptHtml, exhibit.Source, exhibit.Date,
            at > 0 ? hall.Exhibits[at - 1].Id : null,
            at >= 0 && at < hall.Exhibits.Count - 1 ? hall.Exhibits[at + 1].Id : null);
    }

    private static int IndexIn(Hall hall, Exhibit exhibit)
    {
        for (var i = 0; i < hall.Exhibits.Count; i++)
            if (hall.Exhibits[i].Id == exhibit.Id) return i;
        return -1;
    }

    public static string KindName(ExhibitKind kind) => kind switch
    {
        ExhibitKind.Text => "text",
        ExhibitKind.Image => "image",
        ExhibitKind.Series => "series",
        ExhibitKind.Audio => "audio",
        _ => "video",
    };
}

public sealed record NewsItemAnswer(
    [property: Description("文章代码，用于 /api/v1/news/{id}。")] string Id,
    string Title,
    [property: Description("摘要（纯文本）。")] string Summary,
    [property: Description("发布日期（yyyy-MM-dd）。")] DateOnly Date,
    [property: Description(AnswerText.Category)] string Category,
    ImageAnswer? Cover,
    [property: Description(AnswerText.Office)] OfficeAnswer Office)
{
    public static NewsItemAnswer From(NewsArticle article, MediaLinks links, NewsOffices offices) =>
        new(article.Id, article.Title, article.Summary, article.Date, article.Category, ImageAnswer.From(article.Cover, links), OfficeAnswer.From(offices.Of(article)));
}

/// <summary>One page of news, newest first; total counts every article in the category.</summary>
public sealed record NewsPageAnswer(
    IReadOnlyList<NewsItemAnswer> Items,
    [property: Description("符合条件的文章总数。")] int Total,
    int Page,
    int PageSize,
    [property: Description("下一页的接口地址；已是最后一页时为 null。")] string? Next);

public sealed record ArticleAnswer(
    string Id,
    string Title,
    string Summary,
    DateOnly Date,
    [property: Description(AnswerText.Category)] string Category,
    ImageAnswer? Cover,
    [property: Description("正文，已净化的 HTML（可含表格、图片、链接）。")] string BodyHtml,
    [property: Description(AnswerText.Office)] OfficeAnswer Office)
{
    public static ArticleAnswer From(NewsArticle article, MediaLinks links, NewsOffices offices) => new(
        article.Id, article.Title, article.Summary, article.Date, article.Category, ImageAnswer.From(article.Cover, links), article.BodyHtml,
        OfficeAnswer.From(offices.Of(article)));
}
