using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Api.Hosting;

/// <summary>RFC 9457 problem details in Chinese for every error the API gives: ours, the framework's and unhandled ones.</summary>
public static class ApiProblems
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Localize(c.ProblemDetails, c.HttpContext));
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad JSON and unreadable parameters throw, so the exception handler can explain them in Chinese.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>A 400 about one query or body field, with what to send instead.</summary>
    public static ProblemDetails BadRequest(string parameter, string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = TitleFor(StatusCodes.Status400BadRequest),
        Detail = detail,
        Extensions = { ["parameter"] = parameter },
    };

    /// <summary>Quoted when a client sends this endpoint a body that is not valid JSON.</summary>
    public static RouteHandlerBuilder WithJsonBodyExample(this RouteHandlerBuilder endpoint, string example) =>
        endpoint.WithMetadata(new JsonBodyExample(example));

    public static ProblemDetails NotFound(string detail) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = TitleFor(StatusCodes.Status404NotFound),
        Detail = detail,
    };

    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "未授权",
        403 => "拒绝访问",
        404 => "未找到",
        405 => "不支持该请求方法",
        409 => "当前状态不允许此操作",
        413 => "请求内容过大",
        414 => "请求地址过长",
        415 => "不支持的内容类型",
        429 => "请求过于频繁",
        _ when status >= 500 => "服务器出错",
        _ => "请求未能完成",
    };

    private static string DefaultDetail(int status) => status switch
    {
        404 => "请求的地址不存在，请检查网址。",
        405 => "该地址不支持这种请求方法。",
        413 => "请求正文过大。",
        415 => "请求正文应为 JSON（Content-Type: application/json）。",
        _ when status >= 500 => "服务器暂时出错，请稍后再试。",
        _ => "请求未能完成，请检查后重试。",
    };

    // The framework fills English titles; every answer a person reads should be Chinese.
    private static void Localize(ProblemDetails problem, HttpContext context)
    {
        var status = problem.Status ?? context.Response.StatusCode;
        problem.Title = TitleFor(status);
        problem.Detail ??= DefaultDetail(status);
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
    }

    private sealed record JsonBodyExample(string Json);

    private sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            var (status, detail) = exception switch
            {
                BadHttpRequestException { InnerException: JsonException } => (400, "请求正文不是有效的 JSON；" + (
                    context.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<JsonBodyExample>() is { } example
                        ? $"应为 {example.Json}。"
                        : "格式见接口文档 /openapi/v1.json。")),
                BadHttpRequestException { StatusCode: 413 } => (413, "请求正文过大。"),
                BadHttpRequestException { StatusCode: 415 } => (415, DefaultDetail(415)),
                BadHttpRequestException b => (b.StatusCode, "请求内容不完整或格式不正确，请按接口文档 /openapi/v1.json 填写。"),
                _ => (500, DefaultDetail(500)),
            };
            if (status >= 500) log.LogError(exception, "Unhandled exception");
            context.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = { Status = status, Detail = detail },
            });
        }
    }
}
