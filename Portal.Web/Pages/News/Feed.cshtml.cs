using Portal.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Exhibition;
using Portal.Web.Exhibition;

namespace Portal.Web.Pages.News;

/// <summary>The latest news as an Atom feed, for feed readers and the sites that republish our notices.</summary>
[OutputCache(PolicyName = ExhibitionPageCaching.News)]
public sealed class FeedModel(IExhibitionContent content, NewsOffices offices, PublicAddress address) : PageModel
{
    public ContentResult OnGet() => Content(
        NewsFeed.Write(content.News(1, NewsFeed.Size).Items, address.Root(Request), offices),
        NewsFeed.ContentType);
}
