using System.ComponentModel;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Portal.Api.Hosting;
using Portal.Core.Submissions;

namespace Portal.Api.Submissions;

// Every answer here is Cache-Control: no-store. The file is streamed to the spool, never held whole; nothing of it is logged.

/// <summary>数据报送 system to system: a department's own system posts its export with the department's API key.</summary>
public static partial class SubmissionsApi
{
    public const string FilePart = "file";

    /// <summary>How long a POST waits for the worker before answering 202 with the status address.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    public static readonly string TooLarge = $"文件超过 {SubmissionOptions.DefaultMaxFileBytes / 1024 / 1024} MB 的上限，未公开任何数据。请按乡镇或月份拆分后分别提交。";

    private const string KeyRefusal = "缺少或无效的接口密钥：请在 Authorization 头中写 Bearer 加本部门的接口密钥（由管理员用 portal-indexer departments key 生成）。已吊销的密钥不能再用。";

    public static IEndpointRouteBuilder MapSubmissionsApi(this IEndpointRouteBuilder app)
    {
        var submissions = app.MapGroup("/api/v1/submissions").WithTags("数据报送").WithNoStore();

        submissions.MapPost("", Submit)
            .WithBodyLimit(SubmissionOptions.DefaultMaxFileBytes + 1024 * 1024, TooLarge)
            .AcceptsFile()
            .Produces<SubmissionAnswer>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("报送一个文件")
            .WithDescription(
                "部门的系统提交一个导出文件（XLSX 或 CSV，UTF-8 或 GB18030），与工作人员在 /admin/data 上传、与 portal-indexer sync 走同一条路径：校验 → 脱敏 → 替换分区 → 提交。" +
                "请求头 Authorization: Bearer {部门接口密钥}；multipart/form-data，一个名为 file 的文件部分，不超过 50 MB。?dryRun=true 只检查、不公开。" +
                "文件含本部门以外的县或资金时整份拒收（files[0].error 说明可报送的范围），什么也不公开。" +
                "几秒内处理完时返回 200，内容与 portal-indexer sync --json 相同（另有 submission：编号、状态、状态地址和每一条打码后的退回）；" +
                "文件大、仍在排队或处理中时返回 202 和 Location，用同一密钥 GET 该地址，完成前仍是 202。" +
                "建议每个文件带一个随机的 Idempotency-Key（16 到 100 个字母、数字、_ 或 -）：超时后用同一个键重试，得到的是第一次的报送，不会再报送一次。");

        submissions.MapGet("/{id:long}", Status)
            .Produces<SubmissionAnswer>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("报送的状态与结果")
            .WithDescription("用提交时的部门接口密钥查询：完成（finished 或 failed）时 200，仍在排队或处理中时 202（submission.status 为 queued 或 running，files[0].rowsRead 是已读行数）。其他部门的报送答 404。");
        return app;
    }

    private static async Task<Results<Ok<SubmissionAnswer>, Accepted<SubmissionAnswer>, ProblemHttpResult>> Submit(
        HttpRequest request, DepartmentKeys keys, SubmissionQueue queue,
        [Description("true：只检查，不公开")] bool? dryRun,
        [FromHeader(Name = "Idempotency-Key"), Description("可选：每个文件一个随机键（16 到 100 个字母、数字、_ 或 -），重试时原样带上，不会重复报送。")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        if (await AuthenticateAsync(request, keys, cancellationToken) is not { } holder) return Unauthorized(request);
        if (idempotencyKey is not null && !IdempotencyKeyPattern().IsMatch(idempotencyKey))
            return TypedResults.Problem(ApiProblems.BadRequest("Idempotency-Key", "Idempotency-Key 应为 16 到 100 个字母、数字、_ 或 -，每个文件生成一个随机值。"));
        if (idempotencyKey is not null && await queue.ReplayOfAsync(holder, idempotencyKey, cancellationToken) is { } first)
            return await AnswerAsync(request, queue, holder, first, cancellationToken);

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return TypedResults.Problem(ApiProblems.BadRequest(FilePart, "请求应为 multipart/form-data，含一个名为 file 的文件部分（XLSX 或 CSV）。"));
        Submission? submission = null;
        string? problem = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition()
                    || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FilePart, StringComparison.OrdinalIgnoreCase))
                {
                    await section.Body.DrainAsync(cancellationToken);
                    continue;
                }
                if (submission is not null || problem is not null)
                    return TypedResults.Problem(ApiProblems.BadRequest(FilePart, "一次只能报送一个文件：请把每个文件分别提交。"));
                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                (submission, problem) = await queue.EnqueueAsync(
                    new SubmissionSource(holder.Department, null, holder.Key.Id, holder.SubmittedBy, SubmissionChannel.Api, idempotencyKey),
                    name, section.Body, dryRun == true, cancellationToken);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Detail = TooLarge });
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(ApiProblems.BadRequest(FilePart, "multipart 内容格式不正确（分隔符缺失或某一部分过大），请按接口文档 /openapi/v1.json 组织请求。"));
        }
        if (problem is not null)
            return TypedResults.Problem(problem.Contains(SubmissionSpool.TooLargeMark, StringComparison.Ordinal)
                ? new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Detail = problem }
                : ApiProblems.BadRequest(FilePart, problem));
        if (submission is null) return TypedResults.Problem(ApiProblems.BadRequest(FilePart, "请求中没有名为 file 的文件部分：请附上要报送的 XLSX 或 CSV 文件。"));
        return await AnswerAsync(request, queue, holder, submission, cancellationToken);
    }

    private static async Task<Results<Ok<SubmissionAnswer>, Accepted<SubmissionAnswer>, ProblemHttpResult>> Status(
        long id, HttpRequest request, DepartmentKeys keys, SubmissionQueue queue, CancellationToken cancellationToken)
    {
        if (await AuthenticateAsync(request, keys, cancellationToken) is not { } holder) return Unauthorized(request);
        if (await queue.FindAsync(holder, id, cancellationToken) is not { } submission)
            return TypedResults.Problem(ApiProblems.NotFound("没有这个报送编号，或它不是本部门的报送。"));
        return Answer(request, submission);
    }

    /// <summary>Waits a few seconds for the worker, so a small file is answered in one request; a big one gets 202.</summary>
    private static async Task<Results<Ok<SubmissionAnswer>, Accepted<SubmissionAnswer>, ProblemHttpResult>> AnswerAsync(
        HttpRequest request, SubmissionQueue queue, KeyHolder holder, Submission submission, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + Wait;
        while (submission.FinishedAt is null && DateTime.UtcNow < until)
        {
            await Task.Delay(100, cancellationToken);
            submission = await queue.FindAsync(holder, submission.Id, cancellationToken) ?? submission;
        }
        return Answer(request, submission);
    }

    private static Results<Ok<SubmissionAnswer>, Accepted<SubmissionAnswer>, ProblemHttpResult> Answer(HttpRequest request, Submission submission)
    {
        var url = $"{request.PathBase}/api/v1/submissions/{submission.Id}";
        var answer = SubmissionAnswer.From(submission, url);
        return submission.FinishedAt is null ? TypedResults.Accepted(url, answer) : TypedResults.Ok(answer);
    }

    private static Task<KeyHolder?> AuthenticateAsync(HttpRequest request, DepartmentKeys keys, CancellationToken cancellationToken) =>
        request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? keys.AuthenticateAsync(header["Bearer ".Length..].Trim(), cancellationToken)
            : Task.FromResult<KeyHolder?>(null);

    private static ProblemHttpResult Unauthorized(HttpRequest request)
    {
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Detail = KeyRefusal });
    }

    /// <summary>Describes the multipart body: one file.</summary>
    private static RouteHandlerBuilder AcceptsFile(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { FilePart },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [FilePart] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "部门导出的 XLSX 或 CSV（UTF-8 或 GB18030），不超过 50 MB。" },
                            },
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });

    [GeneratedRegex("^[A-Za-z0-9_-]{16,100}$")]
    private static partial Regex IdempotencyKeyPattern();
}
