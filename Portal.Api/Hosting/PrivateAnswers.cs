namespace Portal.Api.Hosting;

/// <summary>
/// Endpoints whose answers no phone, proxy or shared cache may keep. The header is set as the response
/// starts, so refusals written by the rate limiter, the body limit and the exception handler carry it too.
/// </summary>
public static class PrivateAnswers
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder endpoint) where TBuilder : IEndpointConventionBuilder =>
        endpoint.WithMetadata(NoStore.Instance);

    /// <summary>Goes before every middleware that can answer on its own (limits, problems, rate limiter).</summary>
    public static WebApplication UseNoStore(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<NoStore>() is not null)
                context.Response.OnStarting(static state =>
                {
                    ((HttpResponse)state).Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                }, context.Response);
            return next(context);
        });
        return app;
    }

    private sealed class NoStore
    {
        public static readonly NoStore Instance = new();
    }
}
