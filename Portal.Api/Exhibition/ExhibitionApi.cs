using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Portal.Api.Hosting;
using Portal.Core.Exhibition;

namespace Portal.Api.Exhibition;

// Caching: every answer carries a strong ETag and Cache-Control: public, max-age=300 (Revalidated<T>), and a
// matching If-None-Match gets 304. The tag covers the content version, the route and query values, the media
// base address and, in the hall list, every hall's visit count, so a 304 never confirms stale counts: within
// max-age a phone may show counts up to five minutes old, and no longer. There is no output cache: the content
// is already in memory, and a cached hall answer would skip the visit counter.

/// <summary>廉政教育展厅 and the news for the mini-program and app: halls, exhibits, news and typical-case notices.</summary>
public static class ExhibitionApi
{
    public const int NewsPageSize = 10;

    /// <summary>A million articles: far beyond any real archive, and far from overflowing the offset.</summary>
    public const int MaxNewsPage = 100_000;

    private const string HallsPath = "/api/v1/exhibition/halls";
    private const string NewsPath = "/api/v1/news";

    private static string HallPath(string slug) => $"{HallsPath}/{Uri.EscapeDataString(slug)}";

    public static IEndpointRouteBuilder MapExhibitionApi(this IEndpointRouteBuilder app)
    {
        var exhibition = app.MapGroup("/api/v1/exhibition").WithTags("廉政教育展厅").WithRevalidationDocs();

        exhibition.MapGet("/halls", GetHalls)
            .WithSummary("展厅列表")
            .WithDescription("所有展厅，按参观顺序：代码、名称、简介、封面、展品件数和累计访问量。ETag 含各展厅的访问量，访问量变了 ETag 就变；缓存期（5 分钟）内看到的访问量可能稍旧。" + MediaNote);

        exhibition.MapGet("/halls/{slug}", GetHall).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("展厅详情")
            .WithDescription("一个展厅的导语和全部展品（按参观顺序，含缩略图）。这是小程序的展厅页：每次请求（包括答复 304 的重新验证）计一次访问。答复不含访问量，访问量见展厅列表。" + MediaNote);

        exhibition.MapGet("/exhibits/{**id}", GetExhibit).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("展品详情")
            .WithDescription("一件展品：类型、说明、媒体（图片、音频导览、视频，音视频带 WebVTT 字幕）、文字稿全文、出处和日期，以及同一展厅中上一件、下一件展品的 id。id 形如 honest-officials/baozheng，斜杠不必转义。" + MediaNote);

        var news = app.MapGroup(NewsPath).WithTags("工作动态与典型案例通报").WithRevalidationDocs();

        news.MapGet("", GetNews).ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("新闻列表")
            .WithDescription($"工作动态和典型案例通报，新的在前，每页 {NewsPageSize} 条；page 从 1 开始，category 可为“工作动态”或“典型案例通报”（不填为全部），office 为机关代码（如 410221，只列这个机关发布的；不填为全部机关）。每条带发布机关 office。next 为下一页的地址，最后一页为 null。" + MediaNote);

        news.MapGet("/{id}", GetArticle).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("新闻正文")
            .WithDescription("一篇工作动态或典型案例通报，含正文（已净化的 HTML）和发布机关。" + MediaNote);

        return app;
    }

    private const string MediaNote =
        "封面、缩略图和媒体的地址都是绝对地址（由网站提供），以服务器配置的网站公开地址 Portal:PublicBaseUrl 开头；未配置时取本次请求的协议和主机" +
        "（接口与网站可能不在同一主机，正式环境须配置）。";

    private static Revalidated<IReadOnlyList<HallSummaryAnswer>> GetHalls(
        HttpRequest request, IExhibitionContent content, HallVisitCounter visits, MediaAddresses addresses)
    {
        var links = addresses.For(request);
        var halls = content.Halls();
        // Read once, so the tag and the body agree even while visits are being counted.
        var counts = halls.Select(h => visits.Count(h.Slug)).ToList();
        var tag = PublicRevalidation.ETagOf(
            [content.Version, "halls", links.Base, request.PathBase.Value ?? "", .. counts.Select(c => c.ToString(CultureInfo.InvariantCulture))]);
        return new(tag, () => halls.Select((h, i) => HallSummaryAnswer.From(h, counts[i], links, request.PathBase + HallPath(h.Slug))).ToList());
    }

    private static Results<Revalidated<HallAnswer>, ProblemHttpResult> GetHall(
        [Description("展厅代码，见展厅列表的 slug，如 honest-officials。")] string slug,
        HttpRequest request, IExhibitionContent content, HallVisitCounter visits, MediaAddresses addresses)
    {
        if (content.Hall(slug) is not { } hall)
            return TypedResults.Problem(ApiProblems.NotFound("没有这个展厅；展厅代码见 /api/v1/exhibition/halls。"));
        // The mini-program's hall page: a view, whether the phone gets the body or a 304.
        visits.Record(hall.Slug);
        var links = addresses.For(request);
        return new Revalidated<HallAnswer>(PublicRevalidation.ETagOf(content.Version, "hall", hall.Slug, links.Base), () => HallAnswer.From(hall, links));
    }

    private static Results<Revalidated<ExhibitAnswer>, ProblemHttpResult> GetExhibit(
        [Description("展品 id，形如“展厅代码/展品代码”，见展厅详情的 exhibits。")] string id,
        HttpRequest request, IExhibitionContent content, MediaAddresses addresses)
    {
        if (content.Exhibit(id) is not { } exhibit || content.Hall(exhibit.HallSlug) is not { } hall)
            return TypedResults.Problem(ApiProblems.NotFound("没有这件展品；展品 id 见展厅详情 /api/v1/exhibition/halls/{展厅代码} 的 exhibits。"));
        var links = addresses.For(request);
        return new Revalidated<ExhibitAnswer>(PublicRevalidation.ETagOf(content.Version, "exhibit", exhibit.Id, links.Base), () => ExhibitAnswer.From(exhibit, hall, links));
    }

    private static Results<Revalidated<NewsPageAnswer>, ProblemHttpResult> GetNews(
        [Description("页码，从 1 开始；不填为第 1 页。")] string? page,
        [Description("类别：工作动态 或 典型案例通报；不填为全部。")] string? category,
        [Description("发布机关的代码，如 410221（杞县纪委监委）；不填为全部机关。")] string? office,
        HttpRequest request, IExhibitionContent content, NewsOffices offices, MediaAddresses addresses)
    {
        var number = 1;
        if (!string.IsNullOrWhiteSpace(page) && (!int.TryParse(page.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > MaxNewsPage))
            return TypedResults.Problem(ApiProblems.BadRequest("page", $"page 应为 1 到 {MaxNewsPage} 之间的整数。"));
        var chosen = string.IsNullOrWhiteSpace(category) ? null : category.Trim();
        if (chosen is not null && !NewsCategories.All.Contains(chosen))
            return TypedResults.Problem(ApiProblems.BadRequest("category", $"category 应为 {string.Join(" 或 ", NewsCategories.All)}，不填为全部。"));
        var publisher = string.IsNullOrWhiteSpace(office) ? null : offices.Find(office);
        if (!string.IsNullOrWhiteSpace(office) && publisher is null)
            return TypedResults.Problem(ApiProblems.BadRequest("office",
                $"没有代码为“{office.Trim()}”的纪委监委。可用的代码：{string.Join("、", offices.All.Select(o => $"{o.Code}（{o.Name}）"))}；不填为全部机关。"));

        var links = addresses.For(request);
        var tag = PublicRevalidation.ETagOf(content.Version, "news", number.ToString(CultureInfo.InvariantCulture), chosen ?? "", publisher?.Code ?? "", links.Base, request.PathBase.Value ?? "");
        return new Revalidated<NewsPageAnswer>(tag, () =>
        {
            var result = content.News(number, NewsPageSize, chosen, publisher?.Code);
            return new NewsPageAnswer(result.Items.Select(n => NewsItemAnswer.From(n, links, offices)).ToList(), result.Total, result.Page, result.PageSize,
                NextLink(request, result, chosen, publisher?.Code));
        });
    }

    private static Results<Revalidated<ArticleAnswer>, ProblemHttpResult> GetArticle(
        [Description("文章 id，见新闻列表的 items。")] string id,
        HttpRequest request, IExhibitionContent content, NewsOffices offices, MediaAddresses addresses)
    {
        if (content.Article(id) is not { } article)
            return TypedResults.Problem(ApiProblems.NotFound("没有这篇文章；文章 id 见 /api/v1/news。"));
        var links = addresses.For(request);
        return new Revalidated<ArticleAnswer>(PublicRevalidation.ETagOf(content.Version, "article", article.Id, links.Base), () => ArticleAnswer.From(article, links, offices));
    }

    /// <summary>The next page, built from the parameters this endpoint reads and nothing else the client sent, so the tag covers every byte of the answer.</summary>
    private static string? NextLink(HttpRequest request, NewsPage page, string? category, string? office)
    {
        if ((long)page.Page * page.PageSize >= page.Total) return null;
        var query = QueryString.Create([
            .. category is null ? [] : new[] { KeyValuePair.Create("category", (string?)category) },
            .. office is null ? [] : new[] { KeyValuePair.Create("office", (string?)office) },
            KeyValuePair.Create("page", (string?)(page.Page + 1).ToString(CultureInfo.InvariantCulture)),
        ]);
        return request.PathBase + NewsPath + query;
    }
}
