namespace Portal.Api.Hosting;

/// <summary>
/// No answer of the API is a page: a browser that opens one (JSON, the OpenAPI document, the WeChat callback's XML, a
/// problem) must neither guess another type nor load or run anything from it. Set as the response starts, so refusals,
/// cached answers and errors carry it too.
/// </summary>
public static class ApiSecurityHeaders
{
    public const string Policy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>Goes first, before anything that can answer.</summary>
    public static WebApplication UseApiSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = Policy;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
