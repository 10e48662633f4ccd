using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Core.Staff;
using Portal.Web.Infrastructure;

namespace Portal.Web.Admin;

/// <summary>Who may open which part of the back office, by role.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member: the whole /admin folder.</summary>
    public const string Staff = "staff";

    /// <summary>受理员 or 承办人: the queue and the reports (handlers see only their own, Core decides which).</summary>
    public const string Desk = "desk";

    /// <summary>管理员: accounts and the working-day calendar.</summary>
    public const string Admin = "admin";

    /// <summary>审计: the audit log.</summary>
    public const string Auditor = "auditor";

    /// <summary>宣传: the exhibition and the news.</summary>
    public const string Press = "press";

    /// <summary>数据报送: uploads a department's exports.</summary>
    public const string Submitter = "submitter";

    /// <summary>监督: the reference lists and the ledger of suspicious payments.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>The submission records: the clerks (their department's) and the 纪委's staff (every department's).</summary>
    public const string DataRecords = "data-records";
}

/// <summary>The staff back office under /admin: cookie sign-in checked against the account on every request, role policies, and headers that keep its pages out of caches and search engines.</summary>
public static class StaffSignIn
{
    public const string Scheme = "staff";
    public const string CookieName = "portal-staff";
    public const string Area = "/admin";
    public const string LoginPath = "/admin/login";

    public static IServiceCollection AddStaffSignIn(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.Path = Area;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/admin/logout";
            o.ReturnUrlParameter = "returnUrl";
            o.Events.OnValidatePrincipal = ValidateAsync;
            // A 403 page that says why, instead of a redirect to a page that does not exist.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.HttpContext.Fail(StatusCodes.Status403Forbidden, "没有权限", "您的账号没有打开这个页面的权限。如确需办理，请联系管理员调整角色。");
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, p => p.RequireAuthenticatedUser())
            .AddPolicy(StaffPolicies.Desk, p => p.RequireRole(nameof(StaffRoles.Intake), nameof(StaffRoles.Handler)))
            .AddPolicy(StaffPolicies.Admin, p => p.RequireRole(nameof(StaffRoles.Admin)))
            .AddPolicy(StaffPolicies.Auditor, p => p.RequireRole(nameof(StaffRoles.Auditor)))
            .AddPolicy(StaffPolicies.Press, p => p.RequireRole(nameof(StaffRoles.Press)))
            .AddPolicy(StaffPolicies.Submitter, p => p.RequireRole(nameof(StaffRoles.Submitter)))
            .AddPolicy(StaffPolicies.Supervisor, p => p.RequireRole(nameof(StaffRoles.Supervisor)))
            .AddPolicy(StaffPolicies.DataRecords, p => p.RequireRole(nameof(StaffRoles.Submitter), nameof(StaffRoles.Intake), nameof(StaffRoles.Handler),
                nameof(StaffRoles.Auditor), nameof(StaffRoles.Admin)));
        services.Configure<RazorPagesOptions>(o => o.Conventions
            .AuthorizeFolder("/Admin", StaffPolicies.Staff)
            .AllowAnonymousToPage("/Admin/Login"));
        return services;
    }

    public static IApplicationBuilder UseStaffSignIn(this IApplicationBuilder app)
    {
        // Applied as the response starts, so the sign-in redirect, the 403 page and error pages carry them too.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Area))
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.CacheControl = "no-store";
                    headers["X-Robots-Tag"] = "noindex, nofollow";
                    return Task.CompletedTask;
                });
            return next(context);
        });
        app.UseAuthentication();
        return app.UseAuthorization();
    }

    /// <summary>Where a staff member starts: the queue for the desk, otherwise the first page their role opens.</summary>
    public static string Home(StaffActor actor) =>
        actor.Has(StaffRoles.Intake) || actor.Has(StaffRoles.Handler) ? "/admin"
        : actor.Has(StaffRoles.Admin) ? "/admin/staff"
        : actor.Has(StaffRoles.Press) ? "/admin/exhibition"
        : actor.Has(StaffRoles.Auditor) ? "/admin/audit"
        : actor.Has(StaffRoles.Submitter) ? "/admin/data"
        : actor.Has(StaffRoles.Supervisor) ? "/admin/clues"
        : LoginPath;

    /// <summary>A disabled account, or one whose password, roles or state changed since sign-in, is signed out at its next request.</summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var accounts = context.HttpContext.RequestServices.GetRequiredService<StaffAccounts>();
        var principal = context.Principal!;
        var account = StaffPrincipal.Id(principal) is { } id ? await accounts.FindAsync(id, context.HttpContext.RequestAborted) : null;
        if (account is { Disabled: false } && account.SecurityStamp == StaffPrincipal.Stamp(principal)) return;
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
