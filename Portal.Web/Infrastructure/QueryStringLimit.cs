namespace Portal.Web.Infrastructure;

public sealed class QueryStringLimitOptions
{
    public const string Section = "Portal:Web";

    /// <summary>Longer query strings are rejected before they reach a page: no real link of the site comes close.</summary>
    public int MaxQueryStringLength { get; set; } = 1024;
}

public static class QueryStringLimit
{
    public static IServiceCollection AddQueryStringLimit(this IServiceCollection services)
    {
        services.AddOptions<QueryStringLimitOptions>().BindConfiguration(QueryStringLimitOptions.Section);
        return services;
    }

    public static IApplicationBuilder UseQueryStringLimit(this IApplicationBuilder app)
    {
        var max = app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueryStringLimitOptions>>().Value.MaxQueryStringLength;
        return app.Use((context, next) =>
        {
            if ((context.Request.QueryString.Value?.Length ?? 0) <= max) return next(context);
            context.Fail(StatusCodes.Status400BadRequest, "网址太长", "网址中的查询条件太长，无法处理。请返回上一页，缩短搜索内容后再试。");
            return Task.CompletedTask;
        });
    }
}
