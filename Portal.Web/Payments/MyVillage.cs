using Portal.Core.Regions;

namespace Portal.Web.Payments;

/// <summary>
/// 我的村: the last village page opened, remembered in a first-party cookie holding only its twelve-digit code (no other
/// data, nothing to track a person by), so the home page and /payments lead back to it in one tap.
/// </summary>
public static class MyVillage
{
    public const string CookieName = "portal-village";

    /// <summary>The village remembered by this browser, if the cookie names one that exists.</summary>
    public static Region? Of(HttpContext context, RegionCatalog regions) =>
        Code(context) is { } code && regions.Find(code) is { IsVillage: true } village ? village : null;

    /// <summary>
    /// The home page and /payments show the visitor's own village: their cached copies are kept apart by it, so that one
    /// villager's village is never shown to another. Every other page is the same for all and is cached once.
    /// </summary>
    public static KeyValuePair<string, string> CacheKey(HttpContext context) =>
        new("village", ShownOn(context.Request.Path) ? Code(context) ?? "" : "");

    public static bool ShownOn(PathString path) => path.Value is "/" or "" or "/payments" or "/payments/";

    /// <summary>
    /// Remembers a village when its page is opened. Set before the output cache answers, so that a page served from the
    /// cache sets it too; a page that sets a cookie is never stored, so the cached copy is always the one without it.
    /// </summary>
    public static IApplicationBuilder UseMyVillage(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsGet(context.Request.Method) && VillageCodeIn(context.Request.Path) is { } code && Code(context) != code
            && context.RequestServices.GetRequiredService<RegionCatalog>().Find(code) is { IsVillage: true })
            context.Response.Cookies.Append(CookieName, code, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/", Secure = context.Request.IsHttps,
            });
        return next(context);
    });

    private static string? VillageCodeIn(PathString path) =>
        path.StartsWithSegments("/payments", out var rest) && rest.Value is { Length: 13 } value && IsVillageCode(value.AsSpan(1)) ? value[1..] : null;

    private static string? Code(HttpContext context) => context.Request.Cookies[CookieName] is { } code && IsVillageCode(code) ? code : null;

    private static bool IsVillageCode(ReadOnlySpan<char> code) => code.Length == 12 && !code.ContainsAnyExceptInRange('0', '9');
}
