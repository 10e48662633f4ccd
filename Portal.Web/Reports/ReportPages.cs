using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Portal.Web.Reports;

public static class ReportPages
{
    /// <summary>
    /// Everything under Pages/Reports answers <c>no-store</c> and is never output-cached: these pages carry query codes,
    /// progress and what a reporter typed, which must not stay in a shared cache or in the phone.
    /// </summary>
    public static IServiceCollection AddReportPages(this IServiceCollection services)
    {
        services.AddSingleton<RegionChoices>();
        services.AddSingleton<DisputedRecords>();
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddFolderApplicationModelConvention("/Reports", page =>
        {
            page.Filters.Add(new NoStore());
            page.EndpointMetadata.Add(new OutputCacheAttribute { NoStore = true });
        }));
        return services;
    }

    /// <summary>
    /// Runs for every result, redirects and short-circuits included. The value is the one antiforgery sets on pages with a
    /// form, so it does not override it and log a warning for every form shown.
    /// </summary>
    private sealed class NoStore : IAlwaysRunResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context) => context.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";

        public void OnResultExecuted(ResultExecutedContext context) { }
    }
}
