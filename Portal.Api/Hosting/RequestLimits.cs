using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Portal.Api.Hosting;

public sealed class RequestLimitOptions
{
    public const string Section = "Portal:Api:Requests";

    /// <summary>Longest query string accepted, in characters; no honest search needs more.</summary>
    public int MaxQueryStringLength { get; set; } = 2048;
}

/// <summary>Refuses oversized query strings before any parsing or searching is done for them.</summary>
public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section);
        return services;
    }

    public static WebApplication UseQueryStringLimit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxQueryStringLength;
            if (context.Request.QueryString.Value?.Length > limit)
            {
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = 414, Detail = $"查询参数过长（上限 {limit} 个字符），请减少筛选条件或缩短搜索词。" },
                });
                return;
            }
            await next(context);
        });
        return app;
    }
}
