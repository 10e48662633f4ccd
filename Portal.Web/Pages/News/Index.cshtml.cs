using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Exhibition;
using Portal.Core.Offices;
using Portal.Web.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.News;

/// <summary>News and typical-case notices, newest first, ten to a page, each naming its office; optionally of one category and of one office.</summary>
[OutputCache(PolicyName = ExhibitionPageCaching.News)]
public sealed class IndexModel(IExhibitionContent content, NewsOffices offices) : PageModel
{
    public const int PageSize = 10;

    public NewsPage Results { get; private set; } = null!;
    public string? Category { get; private set; }

    /// <summary>The office whose news are listed, or null for every office's.</summary>
    public Office? Office { get; private set; }

    public IReadOnlyList<Office> Offices => offices.All;

    public Office OfficeOf(NewsArticle article) => offices.Of(article);
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Results.Total / (double)PageSize));

    public IActionResult OnGet()
    {
        // Read by hand: "page" is a reserved route value in Razor Pages and would not bind.
        var pageText = Request.Query["page"].ToString();
        var page = 1;
        if (pageText.Length > 0 && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            HttpContext.Fail(StatusCodes.Status400BadRequest, "页码有误", "网址中的页码不正确。请从“新闻发布”第一页重新进入。");
            return new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
        var category = Request.Query["category"].ToString();
        if (category.Length > 0 && !NewsCategories.All.Contains(category))
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这个栏目", $"新闻发布只有“{string.Join("”“", NewsCategories.All)}”两个栏目。请从“新闻发布”首页进入。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        var office = Request.Query["office"].ToString();
        if (office.Length > 0 && offices.Find(office) is null)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这个纪委监委", "网址中的机关代码不正确。请从“新闻发布”首页按机关查看。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        Category = category.Length > 0 ? category : null;
        Office = offices.Find(office);
        Results = content.News(page, PageSize, Category, Office?.Code);
        if (page > PageCount)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这一页", $"新闻只有 {PageCount} 页。请返回第一页查看。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        return Page();
    }
}
