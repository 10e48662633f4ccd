using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Database;
using Portal.Core.Ingest;
using Portal.Core.Offices;
using Portal.Core.Regions;
using Portal.Core.Staff;
using Portal.Core.Supervision;
using Portal.Web.Admin;

namespace Portal.Web.Pages.Admin.Clues;

/// <summary>
/// 比对数据: a 监督 officer uploads another department's list (deaths, officials and relatives, vehicles, businesses); it
/// replaces that kind's list for its county whole or not at all, and the rules run on the county's payments. Only a county
/// within the officer's office's region (a list for every county: the top office only). Audited.
/// </summary>
[Authorize(Policy = StaffPolicies.Supervisor)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ReferencesModel(ReferenceImporter importer, RegionCatalog regions, OfficeRegion offices, PortalDb db, TimeProvider clock) : PageModel
{
    /// <summary>A million rows of a reference list, with room to spare; the row limit is the importer's.</summary>
    public const long MaxRequestBytes = 300L * 1024 * 1024;
    public const int RejectionsShown = 50;

    public static readonly IReadOnlyList<ReferenceKind> Kinds = Enum.GetValues<ReferenceKind>();

    public IReadOnlyList<ReferenceImport> Current { get; private set; } = [];
    public ReferenceImportResult? Imported { get; private set; }
    public string? Problem { get; private set; }

    [BindProperty] public ReferenceKind Kind { get; set; }
    [BindProperty] public string? County { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>What the county field says to fill in: any county or none for the top office, a county of its region for another.</summary>
    public string CountyHint => offices.ReachesEverywhere(User.Actor()) ? "如 410221；名单覆盖全部县时不填"
        : offices.OfficeOf(User.Actor()) is { } office ? $"只能填{office.Name}辖区内的县" : "本账号不属于任何受理机关";

    /// <summary>A county office's own county, filled in for it.</summary>
    public string? CountyValue => County ?? (offices.Prefix(User.Actor()) is { Length: 6 } own ? own : null);

    public string CountyName(string code) => code.Length == 0 ? "全部县" : regions.Find(code)?.Name ?? code;

    public async Task OnGetAsync() => Current = await importer.CurrentAsync(User.Actor(), HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = User.Actor();
        Problem = Upload is not { Length: > 0 } ? "请选择要导入的名单文件（CSV 或 XLSX）。" : importer.CountyProblem(County, actor);
        if (Problem is null) Problem = await ImportAsync(actor);
        await OnGetAsync();
        return Page();
    }

    private async Task<string?> ImportAsync(StaffActor actor)
    {
        // Outside the data folder: the upload holds other departments' personal data and is deleted at once.
        var work = Path.Combine(Path.GetTempPath(), "portal-reference-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            var path = Path.Combine(work, "upload");
            await using (var target = System.IO.File.Create(path)) await Upload!.CopyToAsync(target, HttpContext.RequestAborted);
            Imported = await importer.ImportAsync(path, Kind, County, actor.Name, Path.GetFileName(Upload.FileName), HttpContext.RequestAborted);
            var i = Imported.Import;
            AuditLog.Append(db, actor, "导入比对名单", null,
                $"{ReferenceFile.KindName(Kind)}（{CountyName(i.CountyCode)}）{i.FileName}：读取 {i.Read} 行，保留 {i.Kept} 条，退回 {i.Rejected} 行", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            return null;
        }
        catch (ExportFileException e) { return e.Message; }
        finally { Directory.Delete(work, recursive: true); }
    }
}
