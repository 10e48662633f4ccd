using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Api.Reports;
using Portal.Core.Database;
using Portal.Core.Reports;

namespace Portal.Api.Tests.Reports;

/// <summary>Reports as a mini-program sends them: a JSON part named <c>report</c> and files named <c>files</c>.</summary>
public static class ReportForms
{
    public const string Password = "qingtian-2026";

    /// <summary>A checksum-valid ID number (Beijing), so only the field under test is wrong.</summary>
    public static readonly string IdNumber = "11010119900307123" + Portal.Core.Privacy.IdNumber.CheckCharacter("11010119900307123");

    /// <summary>A PNG's signature and header: attachments are recognised by their bytes.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];

    /// <summary>A Windows program's first bytes (MZ header).</summary>
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    /// <summary>Chinese stays readable in the JSON, so a log line holding the body would show it as typed.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Named() => new()
    {
        ["anonymous"] = false,
        ["reporter"] = new JsonObject { ["name"] = "柳青禾", ["idNumber"] = IdNumber, ["phone"] = "13912345678", ["address"] = "杞县城关镇幸福路 18 号" },
        ["reportedPerson"] = new JsonObject { ["name"] = "王某", ["unit"] = "某某村委会", ["position"] = "村主任", ["level"] = "乡科级及以下", ["region"] = "410221" },
        ["category"] = "违反廉洁纪律",
        ["title"] = "村干部冒领低保金",
        ["content"] = "2026 年 3 月起，村主任王某把已去世的三位老人继续列在低保名单上，冒领低保金，每月约一千元。",
        ["password"] = Password,
    };

    public static JsonObject Anonymous()
    {
        var report = Named();
        report["anonymous"] = true;
        report.Remove("reporter");
        return report;
    }

    /// <summary>Sets a field by its path (<c>reporter.phone</c>), the way the API names it in errors.</summary>
    public static JsonObject With(this JsonObject report, string path, string value)
    {
        var names = path.Split('.');
        var node = report;
        foreach (var name in names[..^1]) node = (JsonObject)node[name]!;
        node[names[^1]] = value;
        return report;
    }

    public static MultipartFormDataContent Form(JsonNode report, params (string FileName, byte[] Bytes)[] files) =>
        Form("report", report.ToJsonString(Readable), files);

    public static MultipartFormDataContent Form(string part, string json, params (string FileName, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent { { new StringContent(json, Encoding.UTF8, "application/json"), part } };
        foreach (var (name, bytes) in files) form.Add(new ByteArrayContent(bytes), "files", name);
        return form;
    }

    public static MultipartFormDataContent Supplement(string queryCode, string password, string? content, params (string FileName, byte[] Bytes)[] files) =>
        Form("supplement", new JsonObject { ["queryCode"] = queryCode, ["password"] = password, ["content"] = content }.ToJsonString(Readable), files);

    public static Task<HttpResponseMessage> PostReport(this HttpClient client, JsonNode report, params (string FileName, byte[] Bytes)[] files) =>
        client.PostAsync("/api/v1/reports", Form(report, files));

    public static async Task<ReceiptAnswer> SubmitAsync(this HttpClient client, JsonNode report, params (string FileName, byte[] Bytes)[] files)
    {
        var response = await client.PostReport(report, files);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ReceiptAnswer>())!;
    }

    public static Task<HttpResponseMessage> Progress(this HttpClient client, string queryCode, string password) =>
        client.PostAsJsonAsync("/api/v1/reports/progress", new { queryCode, password });

    public static async Task<ProgressAnswer> ProgressAsync(this HttpClient client, string queryCode, string password = Password)
    {
        var response = await client.Progress(queryCode, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProgressAnswer>())!;
    }

    /// <summary>The stored report behind a receipt, read straight from the database.</summary>
    public static async Task<Report> StoredAsync(this PortalApiFactory factory, string receiptNumber)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        return await db.Reports.AsNoTracking().Include(r => r.Attachments).SingleAsync(r => r.ReceiptNumber == receiptNumber);
    }

    /// <summary>The errors of a 400 validation problem, by field path.</summary>
    public static async Task<Dictionary<string, string[]>> AssertInvalid(HttpResponseMessage response)
    {
        var problem = await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
        Assert.All(errors.Values.SelectMany(m => m), m => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", m));
        return errors;
    }

    public static void AssertNoStore(HttpResponseMessage response) => Assert.True(response.Headers.CacheControl?.NoStore, $"{(int)response.StatusCode} should be no-store");
}
