using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Portal.Api.Hosting;

public sealed class RequestLimitOptions
{
    public const string Section = "Portal:Api:Requests";

    /// <summary>Longest query string accepted, in characters; no honest search needs more.</summary>
    public int MaxQueryStringLength { get; set; } = 2048;

    /// <summary>Largest request body, in bytes, of an endpoint that declares no limit of its own: a JSON lookup is a few hundred bytes.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>An endpoint's own body limit (report uploads), with the sentence that refuses a larger body.</summary>
public sealed class BodyLimit(long bytes, string refusal) : IRequestSizeLimitMetadata
{
    public long? MaxRequestBodySize => bytes;

    public string Refusal => refusal;
}

/// <summary>Refuses oversized query strings and bodies before any parsing or searching is done for them.</summary>
public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RequestLimitOptions>().BindConfiguration(RequestLimitOptions.Section);
        return services;
    }

    /// <summary>Lets one endpoint take a larger body than the rest of the API.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder endpoint, long bytes, string refusal) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(new BodyLimit(bytes, refusal));

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var options = context.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value;
            if (context.Request.QueryString.Value?.Length > options.MaxQueryStringLength)
            {
                await RefuseAsync(context, StatusCodes.Status414UriTooLong,
                    $"查询参数过长（上限 {options.MaxQueryStringLength} 个字符），请减少筛选条件或缩短搜索词。");
                return;
            }

            var own = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>();
            var limit = own?.MaxRequestBodySize ?? options.MaxBodyBytes;
            // The server stops reading at the limit (chunked bodies too); a body declared larger is refused before a byte is read.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            if (context.Request.ContentLength > limit)
            {
                await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, own?.Refusal ?? $"请求正文过大（上限 {limit / 1024} KB）。");
                return;
            }
            await next(context);
        });
        return app;
    }

    private static async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Detail = detail },
        });
    }
}
