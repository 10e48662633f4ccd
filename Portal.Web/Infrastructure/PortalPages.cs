using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Net.Http.Headers;

namespace Portal.Web.Infrastructure;

public static class PortalPages
{
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        // Chinese text is written as is, not as &#x..; entities: three times smaller on the wire.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "portal-af";
            // Secure behind the HTTPS proxy (X-Forwarded-Proto), plain on a developer's http://127.0.0.1.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "af";
        });
        return services;
    }

    /// <summary>The stylesheet is linked with a version hash, so phones may keep it for a year.</summary>
    public static IApplicationBuilder UsePortalStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
                ctx.Context.Response.Headers[HeaderNames.CacheControl] = ctx.Context.Request.Query.ContainsKey("v")
                    ? "public,max-age=31536000,immutable"
                    : "public,max-age=3600",
        });
}
