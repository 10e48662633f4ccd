using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Exhibition;
using Portal.Web.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.News;

/// <summary>One news item or typical-case notice.</summary>
[OutputCache(PolicyName = ExhibitionPageCaching.News)]
public sealed class ArticleModel(IExhibitionContent content, NewsOffices offices) : PageModel
{
    public NewsArticle Article { get; private set; } = null!;

    /// <summary>The office that published it.</summary>
    public Core.Offices.Office Office => offices.Of(Article);

    public IActionResult OnGet(string id)
    {
        if (content.Article(id) is not { } article)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这篇新闻", "这篇新闻不存在或已撤下。请从“新闻发布”查看最新内容。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        Article = article;
        return Page();
    }
}
