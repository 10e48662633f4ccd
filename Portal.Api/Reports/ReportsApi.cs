using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Portal.Api.Hosting;
using Portal.Hosting;
using Portal.Core.Reports;

namespace Portal.Api.Reports;

// Every answer here is Cache-Control: no-store (group-wide, refusals included) and never output-cached.
// Nothing is logged: not the body, not the query code, not the password, not the client's address.

/// <summary>12388 网上举报 for the mini-program and app: submit, progress, supplements and proofs of filing.</summary>
public static class ReportsApi
{
    private const string ReportPart = "report";
    private const string SupplementPart = "supplement";
    private const string ReportExample = "{\"anonymous\": true, \"reportedPerson\": {\"name\": \"王某\", \"unit\": \"某某村委会\", \"level\": \"乡科级及以下\", \"region\": \"410221\"}, \"category\": \"违反廉洁纪律\", \"title\": \"……\", \"content\": \"……\", \"password\": \"……\"}";
    private const string SupplementExample = "{\"queryCode\": \"查询码\", \"password\": \"查询密码\", \"content\": \"补充说明\"}";
    private const string ProgressPath = "/progress";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("12388 网上举报").WithNoStore();

        reports.MapPost("", Submit).RequireRateLimiting(ClientRateLimits.ReportSubmit)
            .WithUploadLimits().AcceptsUpload<ReportRequest>(ReportPart, "举报内容（JSON）。实名举报时 anonymous 为 false 并填写 reporter；匿名举报时 anonymous 为 true，不填 reporter。")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("提交举报")
            .WithDescription(
                "multipart/form-data：一个名为 report 的 JSON 部分，加上最多 5 个名为 files 的附件（每个不超过 20 MB；jpg、png、pdf、doc、docx、mp3、mp4，按文件内容识别，改扩展名无效），请求合计不超过 101 MB。" +
                "举报和附件加密保存后才返回 201 和查询码。查询码只在这一次答复中出现，服务器只保存其摘要、无法找回，请提示举报人抄下或截图保存。" +
                "建议每份表单生成一个随机的 Idempotency-Key（16 到 100 个字母、数字、_ 或 -）：网络超时后用同一个键和同一个密码重试，只会有一份举报，并返回同一个查询码。" +
                "字段有误时返回 400，errors 以字段路径为键（如 reporter.idNumber、reportedPerson.region、content、files；submissionToken 指 Idempotency-Key；整个请求的问题键为空字符串）。");

        reports.MapPost(ProgressPath, Progress).RequireRateLimiting(ClientRateLimits.ReportLookup)
            .WithJsonBodyExample("{\"queryCode\": \"查询码\", \"password\": \"查询密码\"}")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("进度查询")
            .WithDescription(
                "用查询码和密码查看办理进度：状态、时间线（受理、转办、办理单位的回复、补充材料）以及能否补充材料。" +
                "查询码不存在、密码错误或查询码已暂停时，答复完全相同：404 和同一段说明。同一查询码连续输错 5 次密码，暂停查询 30 分钟。");

        reports.MapPost("/supplements", Supplement).RequireRateLimiting(ClientRateLimits.ReportSubmit)
            .WithUploadLimits().AcceptsUpload<SupplementRequest>(SupplementPart, "查询码、密码和补充说明（JSON）。")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("补充材料")
            .WithDescription(
                "multipart/form-data：一个名为 supplement 的 JSON 部分（查询码、密码、补充说明），加上最多 5 个名为 files 的附件，限制同提交举报。" +
                "成功时返回更新后的进度。查询码或密码不对时与进度查询的答复相同（404）；举报已办结或不予受理时返回 409。");

        reports.MapPost("/urgings", Urge).RequireRateLimiting(ClientRateLimits.ReportSubmit)
            .WithJsonBodyExample("{\"queryCode\": \"查询码\", \"password\": \"查询密码\", \"deadline\": \"Accept\"}")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("催办")
            .WithDescription(
                "进度答复 deadlines 中已超过（passed 为 true）的期限可以催办，每个期限一次：deadline 填该期限的 code（Accept、Transfer、Conclude）。" +
                "成功时返回更新后的进度（该期限的 urgedAt 有值），办理单位在举报列表中看到“已催办”。" +
                "期限未到、已经催办过或当前这一步没有这个期限时返回 409，detail 说明原因（催办过的写明催办日期）；查询码或密码不对时与进度查询的答复相同（404）。");

        reports.MapPost("/proofs/verify", VerifyProof).RequireRateLimiting(ClientRateLimits.ReportLookup)
            .WithJsonBodyExample("{\"proof\": \"回执上的存证码\"}")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("核验存证码")
            .WithDescription("核验回执上的存证码：签名出自本单位且确有这份举报在案时 valid 为 true，并给出回执编号和收到时间；答复不含举报人或举报内容的任何信息。");

        reports.MapGet("/proofs/key", ProofKey)
            .WithSummary("存证公钥")
            .WithDescription(
                "本单位签发存证码所用的公钥，可离线核验：存证码为“回执编号.时间.摘要.签名”四段，后两段为 Base64url；" +
                "签名为 ECDSA P-256 / SHA-256（IEEE P1363 格式，r‖s），签名内容见 signedMessage，其中摘要为大写十六进制。");

        return app;
    }

    private static async Task<Results<Created<ReceiptAnswer>, ProblemHttpResult>> Submit(
        HttpRequest request, ReportIntake intake,
        [FromHeader(Name = "Idempotency-Key"), Description("可选：每份表单一个随机键（16 到 100 个字母、数字、_ 或 -），重试时原样带上，不会重复举报。")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var (upload, problem) = await ReportUploads.ReadAsync<ReportRequest>(request, ReportPart, ReportExample, cancellationToken);
        if (problem is not null) return TypedResults.Problem(problem);

        var result = await intake.SubmitAsync(upload!.Value.ToSubmission(idempotencyKey), upload.Files, cancellationToken);
        if (!result.Succeeded) return TypedResults.Problem(ReportUploads.Invalid(result.Errors));
        // No Location: the progress endpoint is a POST that takes the code and password, not an address to fetch.
        return TypedResults.Created((string?)null, ReceiptAnswer.From(result.Receipt!, ProgressUrl(request)));
    }

    private static async Task<Results<Ok<ProgressAnswer>, ProblemHttpResult, JsonHttpResult<ProblemDetails>>> Progress(
        ProgressRequest request, ReportProgress progress, CancellationToken cancellationToken)
    {
        if (MissingCredentials(request.QueryCode, request.Password) is { } missing) return TypedResults.Problem(ReportUploads.Invalid(missing));
        var view = await progress.LookupAsync(request.QueryCode, request.Password, cancellationToken);
        return view is null ? Refusal() : TypedResults.Ok(ProgressAnswer.From(view));
    }

    private static async Task<Results<Ok<ProgressAnswer>, ProblemHttpResult, JsonHttpResult<ProblemDetails>>> Supplement(
        HttpRequest request, ReportProgress progress,
        [FromHeader(Name = "Idempotency-Key"), Description("可选：每次补充一个随机键，重试时原样带上，不会重复补充。")] string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var (upload, problem) = await ReportUploads.ReadAsync<SupplementRequest>(request, SupplementPart, SupplementExample, cancellationToken);
        if (problem is not null) return TypedResults.Problem(problem);
        var form = upload!.Value;
        if (MissingCredentials(form.QueryCode, form.Password) is { } missing) return TypedResults.Problem(ReportUploads.Invalid(missing));

        var result = await progress.SupplementAsync(form.QueryCode, form.Password, form.Content, upload.Files, idempotencyKey, cancellationToken);
        if (result.Succeeded) return TypedResults.Ok(ProgressAnswer.From(result.Progress!));
        if (result.Errors.TryGetValue("", out var refusal))
            return refusal == ReportProgress.Refusal
                ? Refusal()
                : TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status409Conflict, Detail = refusal });
        return TypedResults.Problem(ReportUploads.Invalid(result.Errors));
    }

    private static async Task<Results<Ok<ProgressAnswer>, ProblemHttpResult, JsonHttpResult<ProblemDetails>>> Urge(
        UrgeRequest request, ReportProgress progress, CancellationToken cancellationToken)
    {
        var errors = MissingCredentials(request.QueryCode, request.Password) ?? new FieldErrors();
        var deadline = DeadlineKinds.Parse(request.Deadline);
        if (deadline is null)
            errors["deadline"] = "请填写要催办的期限代码：Accept（受理期限）、Transfer（转办期限）或 Conclude（办结期限），见进度答复的 deadlines[].code。";
        if (errors.Count > 0) return TypedResults.Problem(ReportUploads.Invalid(errors));

        var result = await progress.UrgeAsync(request.QueryCode, request.Password, deadline!.Value, cancellationToken);
        if (result.Urged) return TypedResults.Ok(ProgressAnswer.From(result.Progress!));
        return result.Progress is null
            ? Refusal()
            : TypedResults.Problem(new ProblemDetails { Status = StatusCodes.Status409Conflict, Detail = result.Message });
    }

    private static async Task<Results<Ok<ProofAnswer>, ProblemHttpResult>> VerifyProof(ProofRequest request, ReportProgress progress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Proof))
            return TypedResults.Problem(ReportUploads.Invalid(new FieldErrors { ["proof"] = "请填写回执上的存证码（proof）。" }));
        return TypedResults.Ok(ProofAnswer.From(await progress.VerifyProofAsync(request.Proof, cancellationToken)));
    }

    private static Ok<ProofKeyAnswer> ProofKey(FilingProof proofs) => TypedResults.Ok(new ProofKeyAnswer(
        "ECDSA P-256 / SHA-256", proofs.PublicKeyPem, "portal-filing-proof-v1\n{回执编号}\n{时间 yyyyMMddTHHmmssZ}\n{摘要的大写十六进制}"));

    private static FieldErrors? MissingCredentials(string? queryCode, string? password)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(queryCode)) errors["queryCode"] = "请填写查询码：提交举报后显示的 20 位字符，如 ABCD-EFGH-JKMN-PQRS-TUVW。";
        if (string.IsNullOrEmpty(password)) errors["password"] = "请填写提交举报时设定的查询密码。";
        return errors.Count > 0 ? errors : null;
    }

    /// <summary>
    /// One answer for a wrong code, a wrong password and a locked code, byte for byte: written as plain JSON
    /// so no trace id or instance sets one refusal apart from another.
    /// </summary>
    private static JsonHttpResult<ProblemDetails> Refusal() => TypedResults.Json(
        new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = ApiProblems.TitleFor(StatusCodes.Status404NotFound), Detail = ReportProgress.Refusal },
        (JsonSerializerOptions?)null, "application/problem+json", StatusCodes.Status404NotFound);

    private static string ProgressUrl(HttpRequest request) => $"{request.PathBase}/api/v1/reports{ProgressPath}";

    /// <summary>A report or supplement may carry five full attachments; the rest of the API keeps its small body limit.</summary>
    private static RouteHandlerBuilder WithUploadLimits(this RouteHandlerBuilder endpoint) => endpoint
        // The body is read part by part (ReportUploads), its files spooled sealed: neither whole in memory nor in plaintext on disk.
        .WithBodyLimit(ReportLimits.MaxRequestBytes, ReportUploads.TooLarge);

    /// <summary>Describes the multipart body: the JSON part with its schema, and the files.</summary>
    private static RouteHandlerBuilder AcceptsUpload<T>(this RouteHandlerBuilder endpoint, string part, string description) =>
        endpoint.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var json = await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken);
            json.Description = description;
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
                            Required = new HashSet<string> { part },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [part] = json,
                                [ReportUploads.FilesPart] = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.Array,
                                    MaxItems = ReportLimits.MaxFiles,
                                    Description = $"附件，最多 {ReportLimits.MaxFiles} 个，每个不超过 {ReportLimits.MaxFileBytes / 1024 / 1024} MB；允许 {AttachmentKinds.Allowed}，按文件内容识别。",
                                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                                },
                            },
                        },
                        Encoding = new Dictionary<string, OpenApiEncoding> { [part] = new() { ContentType = "application/json" } },
                    },
                },
            };
        });
}
