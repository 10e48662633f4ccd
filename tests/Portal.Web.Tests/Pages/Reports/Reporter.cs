using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Privacy;
using Portal.Core.Reports;

namespace Portal.Web.Tests.Pages.Reports;

/// <summary>A file as the reporter's phone sends it.</summary>
public sealed record Upload(string FileName, byte[] Bytes, string ContentType = "application/octet-stream")
{
    public static Upload Photo(string name = "花名册.jpg", int size = 2048) =>
        new(name, [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("JFIF"), .. new byte[size]], "image/jpeg");

    /// <summary>A Windows program renamed to look like a photo.</summary>
    public static Upload DisguisedProgram() => new("照片.jpg", [.. "MZ"u8, 0x90, 0x00, .. new byte[1024]], "image/jpeg");
}

/// <summary>
/// A citizen on the report pages, driven the way a browser drives them: the form is opened first, and its antiforgery
/// cookie and hidden fields (antiforgery token, submission token, payment id, supplement ticket) go back with the post.
/// </summary>
public sealed partial class Reporter(HttpClient client)
{
    public const string Password = "秘密-pass-2026";

    public HttpClient Client => client;

    /// <summary>The page the last post was sent from.</summary>
    public string Page { get; set; } = "";

    /// <summary>A complete, valid named report; tests change what they are about.</summary>
    public static Dictionary<string, string> NamedReport() => new()
    {
        ["anonymous"] = "false",
        ["reporter.name"] = "赵志国",
        ["reporter.idNumber"] = IdNumberOf("41022119800101003"),
        ["reporter.phone"] = "139 1234 5678",
        ["reporter.address"] = "杞县城关镇幸福路 8 号",
        ["reportedPerson.name"] = "王某",
        ["reportedPerson.unit"] = "城关镇某某村委会",
        ["reportedPerson.position"] = "村支部书记",
        ["reportedPerson.level"] = "乡科级及以下",
        ["reportedPerson.region"] = "410221",
        ["category"] = "违反群众纪律",
        ["title"] = "村干部冒领低保金",
        ["content"] = "2026 年 3 月起，村支部书记王某把已去世村民的低保金继续领走，共计六个月，村民都知道。",
        ["password"] = Password,
        ["passwordRepeat"] = Password,
    };

    public static string IdNumberOf(string first17) => first17 + IdNumber.CheckCharacter(first17);

    /// <summary>The browser's back button: the next post goes from this page again.</summary>
    public void GoBackTo(string page) => Page = page;

    /// <summary>Opens the form past the scope notice (as its confirm button does).</summary>
    public async Task<string> OpenForm(string? paymentId = null) =>
        Page = await Html.Get(client, "/reports/new?confirm=1" + (paymentId is null ? "" : "&paymentId=" + Uri.EscapeDataString(paymentId)));

    /// <summary>Posts the report form last opened or shown with these fields and files.</summary>
    public async Task<HttpResponseMessage> Submit(Dictionary<string, string> fields, params Upload[] files)
    {
        var response = await client.PostAsync("/reports/new", Multipart(fields, files));
        Page = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Opens the form, submits a report and returns the receipt page.</summary>
    public async Task<string> File(Dictionary<string, string> fields, params Upload[] files)
    {
        await OpenForm();
        var response = await Submit(fields, files);
        Assert.True(response.StatusCode == HttpStatusCode.OK && Page.Contains("举报已提交"), Page);
        return Page;
    }

    public async Task<HttpResponseMessage> LookUp(string queryCode, string password)
    {
        Page = await Html.Get(client, "/reports/progress");
        var response = await client.PostAsync("/reports/progress", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["queryCode"] = queryCode, ["password"] = password, ["af"] = Html.AntiforgeryToken(Page),
        }));
        Page = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>Sends a supplement from the progress page last shown, with its ticket.</summary>
    public async Task<HttpResponseMessage> Supplement(string text, params Upload[] files)
    {
        var response = await client.PostAsync("/reports/progress/supplement", Multipart(new() { ["content"] = text }, files));
        Page = await response.Content.ReadAsStringAsync();
        return response;
    }

    /// <summary>The form's hidden fields (taken from the page last shown) plus the given fields and files.</summary>
    private MultipartFormDataContent Multipart(Dictionary<string, string> fields, Upload[] files)
    {
        var content = new MultipartFormDataContent();
        var hidden = new Dictionary<string, string> { ["af"] = Html.AntiforgeryToken(Page) };
        foreach (Match m in Hidden().Matches(Page)) hidden[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        foreach (var (name, value) in hidden.Where(h => !fields.ContainsKey(h.Key)).Concat(fields))
            content.Add(new StringContent(value), name);
        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(part, "files", file.FileName);
        }
        return content;
    }

    /// <summary>The query code as the receipt shows it: ABCD-EFGH-JKMN-PQRS-TUVW.</summary>
    public static string QueryCode(string receipt)
    {
        var m = QueryCodeLine().Match(receipt);
        Assert.True(m.Success, "no query code on the page\n" + receipt);
        return Regex.Replace(m.Groups[1].Value, "<[^>]+>", "");
    }

    public static string ReceiptNumber(string receipt) => ReceiptNumberLine().Match(receipt).Groups[1].Value;

    public static string Proof(string receipt) => ProofLine().Match(receipt).Groups[1].Value;

    /// <summary>The message shown next to a field (by the field's name in the form), or null.</summary>
    public static string? ErrorNextTo(string html, string field)
    {
        var m = Regex.Match(html, $"<p class=\"field-error\" id=\"{Regex.Escape(field.Replace('.', '-'))}-error\">([^<]*)</p>");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    /// <summary>The value an input shows again, or null when the input carries none.</summary>
    public static string? ValueOf(string html, string field)
    {
        var input = Regex.Match(html, $"<input [^>]*name=\"{Regex.Escape(field)}\"[^>]*>");
        Assert.True(input.Success, $"no input {field}");
        var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : null;
    }

    public static string? Selected(string html, string field)
    {
        var select = Regex.Match(html, $"<select [^>]*name=\"{Regex.Escape(field)}\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, $"no select {field}");
        var option = Regex.Match(select.Groups[1].Value, "<option (?:value=\"([^\"]*)\" )?selected=\"selected\"[^>]*>([^<]*)</option>");
        return option.Success ? WebUtility.HtmlDecode(option.Groups[1].Success ? option.Groups[1].Value : option.Groups[2].Value) : null;
    }

    public static string TextArea(string html, string field)
    {
        var m = Regex.Match(html, $"<textarea [^>]*name=\"{Regex.Escape(field)}\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no textarea {field}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    /// <summary>Reads the database behind the site, as staff tooling would.</summary>
    public static async Task<T> InDatabase<T>(PortalWebFactory factory, Func<PortalDb, Task<T>> read)
    {
        using var scope = factory.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<PortalDb>());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex Hidden();

    [GeneratedRegex("<p class=\"query-code\">(.*?)</p>")]
    private static partial Regex QueryCodeLine();

    [GeneratedRegex("<p class=\"receipt-number\">([^<]+)</p>")]
    private static partial Regex ReceiptNumberLine();

    [GeneratedRegex("<code class=\"proof\">([^<]+)</code>")]
    private static partial Regex ProofLine();
}
