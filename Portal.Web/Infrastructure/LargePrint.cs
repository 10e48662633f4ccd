namespace Portal.Web.Infrastructure;

/// <summary>The large-print (适老化) mode, remembered in a cookie so it works without JavaScript.</summary>
public static class LargePrint
{
    public const string CookieName = "portal-print";
    public const string CssClass = "large";

    public static bool IsOn(HttpContext context) => context.Request.Cookies[CookieName] == "large";

    /// <summary>The same URL renders differently in large print, so cached pages vary by the mode.</summary>
    public static KeyValuePair<string, string> CacheKey(HttpContext context) => new("print", IsOn(context) ? "large" : "normal");

    public static void Set(HttpContext context, bool on)
    {
        if (on)
            context.Response.Cookies.Append(CookieName, "large", new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/", Secure = context.Request.IsHttps,
            });
        else context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
    }
}
