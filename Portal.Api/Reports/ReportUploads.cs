using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Portal.Api.Hosting;
using Portal.Core.Reports;
using Portal.Hosting;

namespace Portal.Api.Reports;

/// <summary>A multipart request as the Core takes it: the JSON part read into its record, and the files.</summary>
public sealed record Upload<T>(T Value, IReadOnlyList<IncomingFile> Files);

/// <summary>
/// Reads a multipart request of one JSON part and up to five parts named <c>files</c>, strictly, so each
/// mistake (not multipart, a missing or unreadable JSON part, files under another name, too large) is
/// answered with a problem that names the part. Nothing read here is logged.
/// </summary>
public static class ReportUploads
{
    public const string FilesPart = "files";

    /// <summary>A report's JSON is at most some 40 KB (10,000 characters of facts); anything far larger is not one.</summary>
    private const long MaxJsonPartBytes = 256 * 1024;

    public static readonly string TooLarge =
        $"请求过大：举报内容和附件合计不能超过 {ReportLimits.MaxRequestBytes / 1024 / 1024} MB（最多 {ReportLimits.MaxFiles} 个附件，每个不超过 {ReportLimits.MaxFileBytes / 1024 / 1024} MB）。请压缩或减少附件后再提交。";

    /// <summary>A report's parts: the JSON, up to five files, and a little slack for a client's extra fields.</summary>
    private const int MaxParts = 16;

    /// <summary>
    /// The upload, or the problem to answer instead (400 naming the part, or 413). Files are spooled sealed (<see cref="SealedSpool"/>),
    /// not buffered in memory: the spool belongs to the request and is deleted when the answer has been sent.
    /// </summary>
    public static async Task<(Upload<T>? Upload, ProblemDetails? Problem)> ReadAsync<T>(HttpRequest request, string part, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return (null, Invalid("", $"请求应为 multipart/form-data：一个名为 {part} 的 JSON 部分，加上最多 {ReportLimits.MaxFiles} 个名为 {FilesPart} 的附件部分。"));

        var spool = new SealedSpool();
        request.HttpContext.Response.RegisterForDisposeAsync(spool);
        var fields = new List<(string Name, string Value, string? ContentType)>();
        var files = new List<IncomingFile>();
        var wrongParts = false;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            for (var count = 1; await reader.ReadNextSectionAsync(cancellationToken) is { } section; count++)
            {
                if (count > MaxParts || !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) throw new InvalidDataException();
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (!disposition.IsFileDisposition())
                    fields.Add((name, await TextAsync(section.Body, cancellationToken), null));
                else if (name.Equals(FilesPart, StringComparison.OrdinalIgnoreCase))
                    files.Add(await spool.AddAsync(FileNameOf(disposition), section.Body, ReportLimits.MaxFileBytes, cancellationToken));
                else if (name.Equals(part, StringComparison.OrdinalIgnoreCase))
                    fields.Add((name, await TextAsync(section.Body, cancellationToken), section.ContentType ?? ""));
                else
                {
                    wrongParts = true;
                    await section.Body.DrainAsync(cancellationToken);
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Detail = TooLarge });
        }
        catch (InvalidDataException)
        {
            return (null, Invalid("", "multipart 内容格式不正确（分隔符缺失、某一部分过大或部分过多），请按接口文档 /openapi/v1.json 组织请求。"));
        }

        if (wrongParts) return (null, Invalid(FilesPart, $"附件请放在名为 {FilesPart} 的部分里；请求中有其他名称的文件部分，未能识别。"));

        var (json, problem) = JsonPart(fields, part, example);
        if (problem is not null) return (null, Invalid(part, problem));
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(json!, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            var where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $"（出错位置：{e.Path}）";
            return (null, Invalid(part, $"{part} 部分不是有效的 JSON{where}；应为 JSON 对象，例如 {example}。"));
        }
        if (value is null) return (null, Invalid(part, $"{part} 部分应为 JSON 对象，例如 {example}。"));
        return (new Upload<T>(value, files), null);
    }

    /// <summary>A validation problem: the Core's field paths (or a part's name) with a Chinese sentence each.</summary>
    public static HttpValidationProblemDetails Invalid(FieldErrors errors) =>
        new(errors.ToDictionary(e => e.Key, e => new[] { e.Value }))
        {
            Status = StatusCodes.Status400BadRequest,
            Detail = "请按 errors 中的提示修改后重新提交；键名是字段路径，如 reporter.phone、content、files。",
        };

    /// <summary>The JSON part as a plain field (what most clients send), or as a file part of type application/json.</summary>
    private static (string? Json, string? Problem) JsonPart(List<(string Name, string Value, string? ContentType)> fields, string part, string example)
    {
        var missing = $"缺少名为 {part} 的部分：它应为 JSON，例如 {example}。";
        var parts = fields.Where(f => f.Name.Equals(part, StringComparison.OrdinalIgnoreCase)).ToList();
        if (parts is not [var only]) return (null, parts.Count > 1 ? $"只能有一个名为 {part} 的部分。" : missing);
        if (only.ContentType is { } contentType && !IsJson(contentType)) return (null, $"{part} 部分的内容类型应为 application/json，不能是 {contentType}。");
        return string.IsNullOrWhiteSpace(only.Value) ? (null, missing) : (only.Value, null);
    }

    /// <summary>A part read as text; one larger than any report's JSON is not one.</summary>
    private static async Task<string> TextAsync(Stream body, CancellationToken cancellationToken)
    {
        using var text = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (text.Length + read > MaxJsonPartBytes) throw new InvalidDataException();
            text.Write(buffer, 0, read);
        }
        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }

    private static string FileNameOf(ContentDispositionHeaderValue disposition) =>
        HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";

    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static HttpValidationProblemDetails Invalid(string key, string message) => Invalid(new FieldErrors { [key] = message });
}
