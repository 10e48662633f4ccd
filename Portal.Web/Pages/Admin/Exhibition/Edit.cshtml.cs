using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Exhibition;
using Portal.Core.Reports;
using Portal.Web.Admin;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Admin.Exhibition;

/// <summary>
/// One hall, exhibit or news item: its fields and Markdown with a live preview, its media, the review steps the
/// item's stage allows, and every version with a way back to it. A new item is made here too (no id).
/// </summary>
[Authorize(Policy = StaffPolicies.Press)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class EditModel(ExhibitionPublishing publishing, ExhibitionMediaStore media, NewsOffices offices) : PageModel
{
    private const long MaxRequestBytes = MediaUpload.MaxBytes + MediaUpload.MaxCaptionBytes + 1024 * 1024;

    public ExhibitionItem? Item { get; private set; }
    public ExhibitionItemKind Kind { get; private set; }
    public string? Hall { get; private set; }
    public string? PreviewHtml { get; private set; }
    public List<string> Errors { get; } = [];

    /// <summary>The offices the officer may publish news for, their own first.</summary>
    public IReadOnlyList<Core.Offices.Office> Offices => offices.WritableBy(User.Actor());

    /// <summary>The office the news item is shown as published by: as written, or the top office's when it names none.</summary>
    public string NewsOffice => offices.Of(Fields.Office).Code;

    // Bound properties, not handler arguments: the framework's trace log prints handler arguments.
    [BindProperty] public ExhibitionFields Fields { get; set; } = new();
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public int Order { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public List<string> RemoveMedia { get; set; } = [];
    [BindProperty] public IFormFile? NewFile { get; set; }
    [BindProperty] public string? NewAlt { get; set; }
    [BindProperty] public IFormFile? NewCaptions { get; set; }
    [BindProperty] public string? ReviewNote { get; set; }
    [BindProperty] public DateTime? PublishAt { get; set; }
    [BindProperty] public int? VersionNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, string? kind, string? hall)
    {
        if (await OpenAsync(id, kind, hall) is { } answer) return answer;
        if (Item is not null)
        {
            var latest = Item.Versions[0];
            Fields = ExhibitionFields.From(latest.Text);
            Order = latest.Order;
            return Page();
        }
        Fields.Date = ChinaTime.Date(DateTime.UtcNow).ToString("yyyy-MM-dd");
        Fields.Category = NewsCategories.News;
        Fields.Office = User.Actor().Office;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid? id, string? kind, string? hall)
    {
        if (await OpenAsync(id, kind, hall) is { } answer) return answer;
        await TakeUploadsAsync();
        if (Errors.Count > 0) return Page();
        return await Attempt(async actor =>
        {
            var text = Fields.Compose(Kind);
            if (Item is null)
            {
                var created = await publishing.CreateAsync(actor, new NewExhibitionItem(Kind, NewKey(), Order, text), HttpContext.RequestAborted);
                return created.Id;
            }
            await publishing.SaveAsync(actor, Item.Id, Revision, Order, text, HttpContext.RequestAborted);
            return Item.Id;
        });
    }

    /// <summary>Without JavaScript: the page again, with the body rendered as the public will see it.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(Guid? id, string? kind, string? hall)
    {
        if (await OpenAsync(id, kind, hall) is { } answer) return answer;
        PreviewHtml = SafeMarkdown.ToHtml(Fields.Body ?? "");
        return Page();
    }

    /// <summary>The live preview's fragment, fetched by the editor's script as the officer types.</summary>
    public IActionResult OnPostRender() => Content(SafeMarkdown.ToHtml(Fields.Body ?? ""), "text/html; charset=utf-8");

    public Task<IActionResult> OnPostSubmitAsync(Guid id) => Step(id, (actor, item) => publishing.SubmitAsync(actor, item, Revision, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostApproveAsync(Guid id) =>
        Step(id, (actor, item) => publishing.ApproveAsync(actor, item, Revision, PublishAt is { } local ? ChinaTime.ToUtc(local) : null, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostReturnAsync(Guid id) => Step(id, (actor, item) => publishing.ReturnAsync(actor, item, Revision, ReviewNote ?? "", HttpContext.RequestAborted));

    public Task<IActionResult> OnPostUnpublishAsync(Guid id) => Step(id, (actor, item) => publishing.UnpublishAsync(actor, item, Revision, HttpContext.RequestAborted));

    public Task<IActionResult> OnPostRestoreAsync(Guid id) =>
        Step(id, (actor, item) => publishing.RestoreAsync(actor, item, Revision, VersionNumber ?? 0, HttpContext.RequestAborted));

    /// <summary>Where the public sees it, once it is public.</summary>
    public string? PublicUrl => Item?.LiveVersion is null ? null : Item.Kind switch
    {
        ExhibitionItemKind.Hall => $"/exhibition/{Item.Key}",
        ExhibitionItemKind.Exhibit => $"/exhibition/{Item.Key}",
        _ => $"/news/{Item.Key}",
    };

    public string Heading => Item is null ? $"新建{Kind.Name()}" : $"{Kind.Name()}：{Fields.Title}";

    private async Task<IActionResult> Step(Guid id, Func<Core.Staff.StaffActor, Guid, Task> step)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var result = await Attempt(async actor =>
        {
            await step(actor, id);
            return id;
        });
        if (Errors.Count > 0)
        {
            var latest = Item!.Versions[0];
            Fields = ExhibitionFields.From(latest.Text);
            Order = latest.Order;
        }
        return result;
    }

    private async Task<IActionResult> Attempt(Func<Core.Staff.StaffActor, Task<Guid>> action)
    {
        try
        {
            var id = await action(User.Actor());
            return Redirect($"/admin/exhibition/edit/{id}");
        }
        catch (PublishingRefusedException e)
        {
            Errors.Add(e.Message);
            return Page();
        }
    }

    /// <summary>The item of the id, or a new item of the kind; gives the answer instead when there is neither or the officer may not edit it.</summary>
    private async Task<IActionResult?> OpenAsync(Guid? id, string? kind, string? hall)
    {
        if (id is { } itemId) return await LoadAsync(itemId);
        if (!SetNewKind(kind, hall)) return NotFound();
        return Kind != ExhibitionItemKind.Article && offices.RefusalToEditExhibition(User.Actor()) is { } refusal ? Refused(refusal) : null;
    }

    /// <summary>Loads the item; gives the answer instead when it does not exist or the officer may not edit it.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        try
        {
            Item = await publishing.FindAsync(User.Actor(), id, HttpContext.RequestAborted);
        }
        catch (PublishingRefusedException e)
        {
            return Refused(e.Message);
        }
        if (Item is null) return NotFound();
        Kind = Item.Kind;
        Hall = Kind == ExhibitionItemKind.Exhibit ? Item.Key[..Item.Key.IndexOf('/')] : null;
        return null;
    }

    private StatusCodeResult Refused(string reason)
    {
        HttpContext.Fail(StatusCodes.Status403Forbidden, "不能编辑这一项", reason);
        return StatusCode(StatusCodes.Status403Forbidden);
    }

    private bool SetNewKind(string? kind, string? hall)
    {
        (Kind, Hall) = kind switch
        {
            "hall" => (ExhibitionItemKind.Hall, null),
            "exhibit" when !string.IsNullOrEmpty(hall) => (ExhibitionItemKind.Exhibit, hall),
            "article" => (ExhibitionItemKind.Article, null),
            _ => ((ExhibitionItemKind)(-1), null),
        };
        return Enum.IsDefined(Kind);
    }

    private string NewKey()
    {
        var slug = (Slug ?? "").Trim();
        return Kind switch
        {
            ExhibitionItemKind.Exhibit => $"{Hall}/{slug}",
            ExhibitionItemKind.Article => $"{(Fields.Date ?? "").Trim()}-{slug}",
            _ => slug,
        };
    }

    /// <summary>Removes the ticked media and stores a new upload, checked by its bytes, as the next picture, audio or video (or the cover).</summary>
    private async Task TakeUploadsAsync()
    {
        Fields.Media.RemoveAll(m => m.Src is { } src && RemoveMedia.Contains(src));
        if (Fields.Cover?.Src is { } cover && RemoveMedia.Contains(cover)) Fields.Cover = null;
        if (NewFile is not { Length: > 0 }) return;
        var (accepted, error) = await MediaUpload.CheckMediaAsync(Incoming(NewFile), HttpContext.RequestAborted);
        if (accepted is null)
        {
            Errors.Add(error!);
            return;
        }
        var isPicture = accepted.ContentType.StartsWith("image/", StringComparison.Ordinal);
        if (isPicture && string.IsNullOrWhiteSpace(NewAlt))
        {
            Errors.Add("请为新图片写一句替代文字（看不见图片的人会听到它），例如“包拯坐堂审案的画像”。");
            return;
        }
        string? captions = null;
        if (!isPicture)
        {
            if (Kind != ExhibitionItemKind.Exhibit)
            {
                Errors.Add("封面只能是图片（PNG、JPEG 或 WebP）。");
                return;
            }
            if (NewCaptions is not { Length: > 0 })
            {
                Errors.Add("音频和视频必须同时上传 WebVTT 字幕文件（.vtt），听不见的人靠它了解内容。");
                return;
            }
            var (checkedCaptions, captionsError) = await MediaUpload.CheckCaptionsAsync(Incoming(NewCaptions), HttpContext.RequestAborted);
            if (checkedCaptions is null)
            {
                Errors.Add(captionsError!);
                return;
            }
            captions = await media.StoreAsync(checkedCaptions, HttpContext.RequestAborted);
        }
        var src = await media.StoreAsync(accepted, HttpContext.RequestAborted);
        var entry = new ExhibitionMediaEntry { Src = src, Alt = isPicture ? NewAlt!.Trim() : null, Captions = captions, Type = accepted.ContentType };
        if (Kind == ExhibitionItemKind.Exhibit) Fields.Media.Add(entry);
        else Fields.Cover = entry;
    }

    private static IncomingFile Incoming(IFormFile file) => new(file.FileName, file.Length, file.OpenReadStream);
}
