using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Supervision;

namespace Portal.Web.Tests.Pages.Admin;

/// <summary>Clues put straight into the database, as the rules would find them, and forms with evidence files.</summary>
public static class LedgerSite
{
    public const string IdNumber = "41022119500101001X";
    public const string FullName = "张三明";

    public static async Task<Clue> AddClueAsync(this BackOfficeFactory site, ClueLevel level = ClueLevel.Red, ClueState state = ClueState.Open,
        string village = "410221100201", string? paymentId = null)
    {
        return await site.WithAsync(async sp =>
        {
            var id = paymentId ?? "p" + Guid.NewGuid().ToString("N")[..12];
            var clue = new Clue
            {
                RuleCode = level == ClueLevel.Red ? "deceased" : "vehicle", RuleVersion = 1, Level = level, Reason = "死亡日期 2026-03",
                PaymentId = id, PersonKey = Guid.NewGuid().ToString("N"), CountyCode = village[..6], TownshipCode = village[..9], VillageCode = village,
                FundCode = "rural-dibao", Period = 202605, Amount = 600m, MaskedName = "张*明", Department = "杞县民政局", SourceFile = "2026-05低保.xlsx", SourceRow = 17,
                SealedIdentity = sp.GetRequiredService<SubjectIdentity>().Seal(id, FullName, IdNumber),
                FoundAt = DateTime.UtcNow, LastFoundAt = DateTime.UtcNow, State = state, StateChangedAt = DateTime.UtcNow,
            };
            var db = sp.GetRequiredService<PortalDb>();
            db.Clues.Add(clue);
            await db.SaveChangesAsync();
            return clue;
        });
    }

    public static Task<Clue> ClueAsync(this BackOfficeFactory site, long id) =>
        site.WithAsync(sp => sp.GetRequiredService<PortalDb>().Clues.AsNoTracking().SingleAsync(c => c.Id == id));

    public static string Page(this Clue clue) => $"/admin/clues/{clue.Id}";

    /// <summary>Opens the page, then posts a multipart form to one of its handlers with the fields and files given; the form's Version is the page's.</summary>
    public static async Task<HttpResponseMessage> PostFilesAsync(this StaffBrowser browser, string page, string handler, Dictionary<string, string> fields,
        params (string Name, byte[] Bytes)[] files)
    {
        var html = await browser.PageAsync(page);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Html.AntiforgeryToken(html)), "af");
        if (!fields.ContainsKey("Version")) form.Add(new StringContent(VersionOf(html)), "Version");
        foreach (var (key, value) in fields) form.Add(new StringContent(value), key);
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "Evidence", name);
        return await browser.Client.PostAsync($"{page}?handler={handler}", form);
    }

    /// <summary>A url-encoded step with the page's Version, as the page's own form sends it.</summary>
    public static async Task<HttpResponseMessage> StepAsync(this StaffBrowser browser, string page, string handler, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        if (!fields.ContainsKey("Version")) fields["Version"] = VersionOf(await browser.PageAsync(page));
        return await browser.PostAsync(page, handler, fields);
    }

    public static string VersionOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value is { Length: > 0 } v ? v : "0";

    public static async Task<string> AlertOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the page again with a refusal, got {response.StatusCode}");
        return StaffBrowser.Alert(body) ?? "";
    }

    public static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.4 民政局回函");
}
