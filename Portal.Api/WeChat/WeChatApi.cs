using System.Text;
using Microsoft.AspNetCore.Mvc;
using Portal.Api.Hosting;
using Portal.Hosting;
using Portal.Core.WeChat;

namespace Portal.Api.WeChat;

/// <summary>
/// The Official Account's callback at /wechat: GET for the platform's URL check, POST for followers' messages and
/// events. It speaks to WeChat's servers, not to app developers, so it stays out of the OpenAPI document.
/// </summary>
public static class WeChatApi
{
    /// <summary>A message is a few hundred bytes; WeChat's own limit on a text message is 2,048 characters.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static IServiceCollection AddWeChatCallback(this IServiceCollection services)
    {
        services.AddWeChat();
        // WeChat puts the follower's openid in the callback's query string, and the request-start and -finish lines
        // would write the whole URL to the log.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }

    public static IEndpointRouteBuilder MapWeChatCallback(this IEndpointRouteBuilder app)
    {
        var wechat = app.MapGroup("/wechat").ExcludeFromDescription().WithNoStore();
        wechat.MapGet("", Verify);
        wechat.MapPost("", Receive).WithBodyLimit(MaxBodyBytes, $"消息过大（上限 {MaxBodyBytes / 1024} KB）。");
        return app;
    }

    private static IResult Verify(HttpRequest request, WeChatCallback callback) => Write(callback.Verify(QueryOf(request)));

    private static async Task<IResult> Receive(HttpRequest request, WeChatCallback callback, PublicAddress site, CancellationToken cancellationToken)
    {
        string body;
        using (var reader = new StreamReader(request.Body, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false))
            body = await reader.ReadToEndAsync(cancellationToken);
        return Write(await callback.HandleAsync(QueryOf(request), body, site.Root(request)));
    }

    private static CallbackQuery QueryOf(HttpRequest request)
    {
        var q = request.Query;
        return new CallbackQuery(q["signature"], q["timestamp"], q["nonce"], q["echostr"], q["encrypt_type"], q["msg_signature"]);
    }

    private static IResult Write(CallbackOutcome outcome) => outcome.Refused
        ? TypedResults.Problem(new ProblemDetails { Status = outcome.Status, Title = ApiProblems.TitleFor(outcome.Status), Detail = outcome.Body })
        : TypedResults.Text(outcome.Body, outcome.ContentType);
}
