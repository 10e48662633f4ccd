using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Hosting;
using Portal.Web.Admin;

namespace Portal.Web.Infrastructure;

/// <summary>
/// The headers every answer of the site carries: pages, error pages, redirects, files, media and cached pages alike.
/// They are set as the response starts, so what answers on its own (static files, the output cache, the rate limiter,
/// the error pages) carries them too. An answer that set its own policy (an SVG, an attachment) keeps it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The receipt's print button: the one script a public page may run, allowed by its hash alone.</summary>
    public const string PrintHandler = "window.print()";

    private const string Permissions = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    private static readonly string PrintHash =
        $"'unsafe-hashes' 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(PrintHandler)))}'";

    /// <summary>Lets this answer run the receipt's print button (and nothing else).</summary>
    public static void AllowPrintButton(HttpContext context) => context.Features.Set(new PrintButton());

    /// <summary>
    /// Lets this answer run the site's own script files, never inline script (an audio guide's transcript that follows
    /// the guide). Set on the answer itself rather than as it starts, so the output cache keeps it with the page.
    /// </summary>
    public static void AllowSiteScripts(HttpContext context) =>
        context.Response.Headers.ContentSecurityPolicy = PagePolicy("'self'", MediaOrigin(context.RequestServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.MediaBaseUrl));

    /// <summary>Goes first, before anything that can answer.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var media = MediaOrigin(app.ApplicationServices.GetRequiredService<IOptions<PublicAddressOptions>>().Value.MediaBaseUrl);
        // Public pages use no JavaScript but the receipt's print button and an audio guide's own script; pictures, audio and video may come from the media address (a CDN).
        var pages = PagePolicy("'none'", media);
        var receipt = PagePolicy(PrintHash, media);
        // The back office runs the site's own scripts (the live preview) and is never framed.
        var backOffice = $"default-src 'self'; img-src 'self' data:{media}; media-src 'self'{media}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        return app.Use((context, next) =>
        {
            // Decided on the way in: an error page re-executed for a back-office address belongs to the back office.
            var staff = context.Request.Path.StartsWithSegments(StaffSignIn.Area);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = staff ? "DENY" : "SAMEORIGIN";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = Permissions;
                if (headers.ContentSecurityPolicy.Count == 0)
                    headers.ContentSecurityPolicy = staff ? backOffice : context.Features.Get<PrintButton>() is null ? pages : receipt;
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static string PagePolicy(string script, string media) =>
        $"default-src 'self'; script-src {script}; style-src 'self'; img-src 'self' data:{media}; media-src 'self'{media}; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

    /// <summary>" https://cdn.example.gov.cn" for a configured media address, else nothing.</summary>
    private static string MediaOrigin(string? mediaBaseUrl) =>
        BaseUrl.Normalize(mediaBaseUrl, out var url) && url is not null ? " " + new Uri(url).GetLeftPart(UriPartial.Authority) : "";

    private sealed class PrintButton;
}
