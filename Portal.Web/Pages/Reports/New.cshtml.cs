using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Hosting;
using Portal.Core.Offices;
using Portal.Core.Regions;
using Portal.Core.Reports;
using Portal.Web.Infrastructure;
using Portal.Web.Reports;

namespace Portal.Web.Pages.Reports;

/// <summary>What the receipt shows besides the receipt itself: what the reporter filed, in their own words.</summary>
public sealed record FiledReceipt(ReportReceipt Receipt, string Title, string Category);

/// <summary>
/// The report form, and on success the receipt, rendered by the POST itself: the query code is shown once and never
/// again, so there is no page to redirect to.
/// </summary>
[EnableRateLimiting(ClientRateLimits.ReportSubmit)]
[RequestSizeLimit(ReportLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportLimits.MaxRequestBytes, MemoryBufferThreshold = UploadLimits.MemoryBuffer)]
[RefuseOversizeUpload]
public sealed class NewModel(ReportIntake intake, ReportValidator validator, HeldUploads held, DisputedRecords records, RegionChoices regions, VillageSearch villages) : PageModel
{
    /// <summary>The form's fields in page order, with the names the error summary gives them.</summary>
    public static readonly IReadOnlyList<(string Field, string Label)> Fields =
    [
        ("anonymous", "举报方式"), ("reporter.name", "您的姓名"), ("reporter.idNumber", "您的身份证号"), ("reporter.phone", "您的手机号码"), ("reporter.address", "联系地址"),
        ("reportedPerson.name", "被反映人姓名"), ("reportedPerson.unit", "被反映人工作单位"), ("reportedPerson.position", "被反映人职务"),
        ("reportedPerson.level", "被反映人级别"), (ReportForm.Region, "被反映人所在地区"), ("category", "问题类别"), ("title", "标题"),
        ("content", "问题描述"), ("files", "附件"), ("paymentId", "所附公示记录"), ("password", "查询密码"), ("passwordRepeat", "再次输入密码"),
    ];

    public ReportForm Form { get; private set; } = ReportForm.Blank(null);
    public FieldErrors Errors { get; private set; } = new();
    public DisputedRecord? Record { get; private set; }

    /// <summary>The link named a payment that is not (or no longer) published.</summary>
    public bool RecordGone { get; private set; }

    /// <summary>The files already uploaded with a form that had errors, kept sealed for the retry (已上传).</summary>
    public IReadOnlyList<HeldFile> HeldFiles { get; private set; } = [];

    /// <summary>The token of the hold behind <see cref="HeldFiles"/>; it is also the hold's key, so it lives only in the page.</summary>
    public string? HeldToken { get; private set; }

    public FiledReceipt? Receipt { get; private set; }

    /// <summary>The villages found by 按村名查找, a round trip of the whole form that files nothing.</summary>
    public VillageSearchResult? Places { get; private set; }

    /// <summary>
    /// The office that will handle the report, or why none will, once the form names a place and a level (or disputes a
    /// payment): shown before the report is filed, on any round trip of the form.
    /// </summary>
    public Routing? Handling { get; private set; }

    public const string FindPlace = "findPlace";

    /// <summary>查看受理机关: a round trip of the whole form that files nothing and says which office will handle it.</summary>
    public const string WhichOffice = "whichOffice";
    public RegionChoices Regions => regions;

    public async Task<IActionResult> OnGetAsync()
    {
        var paymentId = Request.Query["paymentId"].ToString();
        if (Request.Query["confirm"] != "1")
            return LocalRedirect("/reports" + new QueryBuilder(Query(("paymentId", paymentId), ("unconfirmed", "1"))).ToQueryString() + "#confirm");
        Record = await records.FindAsync(paymentId, HttpContext.RequestAborted);
        RecordGone = paymentId.Length > 0 && Record is null;
        Form = ReportForm.Blank(Record?.Id);
        // The disputed payment names its village: the place of the problem is filled in for the villager.
        if (Record is not null) Form = Form.With(ReportForm.RegionCode, Record.VillageCode);
        Handling = Route(Form.ToSubmission(Request.HasFormContentType ? Request.Form : FormCollection.Empty).ReportedPerson);
        return Page();
    }

    public async Task OnPostAsync()
    {
        var posted = Request.Form;
        var cancel = HttpContext.RequestAborted;
        Form = ReportForm.Read(posted);
        await using var spool = new SealedSpool();
        var (files, heldGone) = await KeptFilesAsync(posted, spool, cancel);
        var searching = posted.ContainsKey(FindPlace) || posted.ContainsKey(WhichOffice);
        // After a search the results stay listed, with the village picked, until the report is filed.
        if (searching || Form[ReportForm.PlacePick].Length > 0) Places = villages.Find(Form[ReportForm.PlaceQuery]);
        // A hold that expired must not file the report without the files the reporter believes are attached.
        var result = searching || Form.Anonymous is null || heldGone
            ? new IntakeResult(null, new FieldErrors())
            : await intake.SubmitAsync(Form.ToSubmission(posted), files, cancel);
        if (result.Receipt is { } receipt)
        {
            await held.ReleaseAsync(posted[HeldField]);
            Receipt = new FiledReceipt(receipt, ReportValidator.Clean(Form["title"]), ReportTerms.ParseCategory(Form["category"])!.Value.Name());
            SecurityHeaders.AllowPrintButton(HttpContext);
            return;
        }

        Errors = result.Errors;
        if (Form.Anonymous is null && !searching) Errors["anonymous"] = ReportValidator.ChooseAnonymity;
        if (heldGone) Errors["files"] = "先前上传的附件保留时间已过，已被清除，请重新选择。";
        // Files that passed the checks are held for the retry; a refused one is named in the errors and must be chosen again.
        var accepted = await AttachmentUpload.CheckAsync(files, new FieldErrors(), cancel);
        HeldToken = await held.HoldAsync(accepted, cancel);
        HeldFiles = accepted.Select((file, number) => new HeldFile(number, file.FileName)).ToList();
        await held.ReleaseAsync(posted[HeldField]);
        Record = await records.FindAsync(Form["paymentId"], HttpContext.RequestAborted);
        // A record that left publication is dropped from the form, so the next submit goes through without it.
        if (Record is null) Form = Form.With("paymentId", "");
        // A used or broken token would refuse every further submit of this form; the corrected form is a new report.
        if (Errors.ContainsKey("submissionToken")) Form = Form.With("submissionToken", ReportForm.NewToken());
        Handling = Route(Form.ToSubmission(posted).ReportedPerson);
    }

    /// <summary>Nothing to say until a place and a level are chosen; a disputed payment names its village, and the level may stay empty.</summary>
    private Routing? Route(ReportedPersonFields person) =>
        Record is null && (string.IsNullOrWhiteSpace(person.Region) || string.IsNullOrWhiteSpace(person.Level)) ? null
        : validator.Route(person, Record?.VillageCode);

    /// <summary>The hidden field with the hold's token, and the checkboxes (one per held file) that keep a file when ticked.</summary>
    public const string HeldField = "heldFiles";
    public const string KeepField = "keepFile";

    /// <summary>The held files still ticked, copied into this request's spool, then the newly chosen ones; and whether the hold had expired.</summary>
    private async Task<(List<IncomingFile> Files, bool HeldGone)> KeptFilesAsync(IFormCollection posted, SealedSpool spool, CancellationToken cancel)
    {
        var token = posted[HeldField].ToString();
        var keep = posted[KeepField].ToHashSet();
        var files = new List<IncomingFile>();
        var found = await held.ListAsync(token, cancel);
        foreach (var file in found.Where(f => keep.Contains(f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))).Take(ReportLimits.MaxFiles))
        {
            await using var content = await held.OpenAsync(token, file.Number, cancel);
            if (content is not null) files.Add(await spool.AddAsync(file.FileName, content, ReportLimits.MaxFileBytes, cancel));
        }
        files.AddRange(ReportForm.Files(posted));
        return (files, token.Length > 0 && keep.Count > 0 && found.Count == 0);
    }

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    private static IEnumerable<KeyValuePair<string, string>> Query(params (string Key, string Value)[] pairs) =>
        pairs.Where(p => p.Value.Length > 0).Select(p => KeyValuePair.Create(p.Key, p.Value));
}
