using Microsoft.AspNetCore.Mvc;
using Portal.Hosting;

namespace Portal.Api.Hosting;

public static class ApiRateLimits
{
    /// <summary>The shared limits; a refusal is a 429 problem in Chinese.</summary>
    public static IServiceCollection AddApiRateLimits(this IServiceCollection services) =>
        services.AddClientRateLimits(async (context, seconds, busy) =>
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = 429, Detail = busy ? ClientRateLimits.BusyRefusal(seconds) : $"请求过于频繁，请 {seconds} 秒后再试。" },
            }));
}
