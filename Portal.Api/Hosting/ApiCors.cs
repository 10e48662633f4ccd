using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Portal.Api.Hosting;

public sealed class ApiCorsOptions
{
    public const string Section = "Portal:Api";

    /// <summary>
    /// The H5 sites whose pages may call the API from the browser, e.g. <c>https://h5.example.gov.cn</c>. Empty: none;
    /// the mini-program and apps are not browsers and need no CORS.
    /// </summary>
    public string[] CorsOrigins { get; set; } = [];
}

/// <summary>Cross-origin calls from the configured H5 origins only; every other origin gets no CORS headers.</summary>
public static class ApiCors
{
    public const string Policy = "h5";

    public static IServiceCollection AddApiCors(this IServiceCollection services)
    {
        services.AddOptions<ApiCorsOptions>().BindConfiguration(ApiCorsOptions.Section)
            .Validate(o => o.CorsOrigins.All(IsOrigin), "Portal:Api:CorsOrigins 的每一项应为 H5 页面的来源，如 https://h5.example.gov.cn（协议加主机，可带端口，不带路径）。")
            .ValidateOnStart();
        services.AddCors();
        services.AddSingleton<IConfigureOptions<CorsOptions>, ConfigureH5Policy>();
        return services;
    }

    public static WebApplication UseApiCors(this WebApplication app)
    {
        app.UseCors(Policy);
        return app;
    }

    private static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
        && uri.GetLeftPart(UriPartial.Authority) == origin.TrimEnd('/');

    private sealed class ConfigureH5Policy(IOptions<ApiCorsOptions> options) : IConfigureOptions<CorsOptions>
    {
        public void Configure(CorsOptions cors) => cors.AddPolicy(Policy, policy => policy
            .WithOrigins(options.Value.CorsOrigins.Select(o => o.TrimEnd('/')).ToArray())
            .WithMethods(HttpMethods.Get, HttpMethods.Post)
            .WithHeaders(HeaderNames.ContentType, HeaderNames.IfNoneMatch, "Idempotency-Key")
            // A page reads the ETag to revalidate and Retry-After to wait out a rate limit.
            .WithExposedHeaders(HeaderNames.ETag, HeaderNames.RetryAfter)
            .SetPreflightMaxAge(TimeSpan.FromHours(1)));
    }
}
