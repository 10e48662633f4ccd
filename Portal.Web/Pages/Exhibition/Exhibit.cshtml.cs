using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Portal.Core.Exhibition;
using Portal.Web.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Exhibition;

/// <summary>One exhibit: its media, caption and transcript, with the way on to the next exhibit of the hall.</summary>
[OutputCache(PolicyName = ExhibitionPageCaching.Halls)]
public sealed class ExhibitModel(IExhibitionContent content, ExhibitionMediaStore media) : PageModel
{
    public Hall Hall { get; private set; } = null!;
    public Exhibit Exhibit { get; private set; } = null!;

    /// <summary>The audio guides whose transcript is shown line by line, the line being read marked while they play.</summary>
    public IReadOnlyList<AudioGuide> Guides { get; private set; } = [];

    /// <summary>1-based position in the hall.</summary>
    public int Number { get; private set; }

    public Exhibit? Previous => Number > 1 ? Hall.Exhibits[Number - 2] : null;
    public Exhibit? Next => Number < Hall.Exhibits.Count ? Hall.Exhibits[Number] : null;

    public IActionResult OnGet(string slug, string exhibit)
    {
        if (content.Hall(slug) is not { } hall) return HallModel.HallNotFound(HttpContext);
        var index = hall.Exhibits.ToList().FindIndex(e => e.Id == slug + "/" + exhibit);
        if (index < 0)
        {
            HttpContext.Fail(StatusCodes.Status404NotFound, "没有这件展品", $"“{hall.Title}”中没有这件展品，可能已经调整。请回到展厅，从展品列表进入。");
            return new StatusCodeResult(StatusCodes.Status404NotFound);
        }
        Hall = hall;
        Exhibit = hall.Exhibits[index];
        Number = index + 1;
        Guides = AudioGuide.Of(Exhibit, media);
        if (Guides.Count > 0) SecurityHeaders.AllowSiteScripts(HttpContext);
        return Page();
    }

    /// <summary>What a share card and search results say: the caption, else the hall's summary.</summary>
    public string Description => string.IsNullOrWhiteSpace(Exhibit.Caption) ? Hall.Summary : Exhibit.Caption;

    public MediaItem? FirstImage => Exhibit.Media.FirstOrDefault(IsImage) ?? Hall.Cover;

    public AudioGuide? GuideOf(MediaItem item) => Guides.FirstOrDefault(g => ReferenceEquals(g.Audio, item));

    public static bool IsImage(MediaItem media) => media.ContentType.StartsWith("image/", StringComparison.Ordinal);
}
