using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>The upload, or the problem to answer instead (400 naming the part, or 413).</summary>
    public static async Task<(Upload<T>? Upload, ProblemDetails? Problem)> ReadAsync<T>(HttpRequest request, string part, string example, CancellationToken cancellationToken)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, Invalid("", $"请求应为 multipart/form-data：一个名为 {part} 的 JSON 部分，加上最多 {ReportLimits.MaxFiles} 个名为 {FilesPart} 的附件部分。"));

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Detail = TooLarge });
        }
        catch (InvalidDataException)
        {
            return (null, Invalid("", "multipart 内容格式不正确（分隔符缺失、某一部分过大或部分过多），请按接口文档 /openapi/v1.json 组织请求。"));
        }

        var wrongParts = form.Files.Any(f => !f.Name.Equals(FilesPart, StringComparison.OrdinalIgnoreCase) && !f.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
        if (wrongParts) return (null, Invalid(FilesPart, $"附件请放在名为 {FilesPart} 的部分里；请求中有其他名称的文件部分，未能识别。"));

        var (json, problem) = await JsonPartAsync(form, part, example, cancellationToken);
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

        var files = IncomingFiles.From(form.Files, FilesPart);
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
    private static async Task<(string? Json, string? Problem)> JsonPartAsync(IFormCollection form, string part, string example, CancellationToken cancellationToken)
    {
        var missing = $"缺少名为 {part} 的部分：它应为 JSON，例如 {example}。";
        if (form.TryGetValue(part, out var values))
            return values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) ? (values[0], null) : (null, values.Count > 1 ? $"只能有一个名为 {part} 的部分。" : missing);
        if (form.Files.GetFiles(part) is not [var file]) return (null, missing);
        if (!IsJson(file.ContentType)) return (null, $"{part} 部分的内容类型应为 application/json，不能是 {file.ContentType}。");
        if (file.Length > MaxJsonPartBytes) return (null, $"{part} 部分过大（上限 {MaxJsonPartBytes / 1024} KB）；附件请放在 {FilesPart} 部分。");
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        return (await reader.ReadToEndAsync(cancellationToken), null);
    }

    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || MediaTypeHeaderValue.TryParse(contentType, out var type)
        && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    private static HttpValidationProblemDetails Invalid(string key, string message) => Invalid(new FieldErrors { [key] = message });
}
