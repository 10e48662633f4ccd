namespace Portal.Web.Infrastructure;

/// <summary>What went wrong with a request and what the reader can do about it, shown by the error page.</summary>
public sealed record PageProblem(string Title, string Advice);

public static class ErrorPages
{
    /// <summary>Every 4xx/5xx without a body is re-rendered by /error in Chinese; the query string is replaced so the original one cannot fail again.</summary>
    public static IApplicationBuilder UsePortalErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error?status=500");
        return app.UseStatusCodePagesWithReExecute("/error", "?status={0}");
    }

    /// <summary>Ends the request with a status and a Chinese explanation for the error page.</summary>
    public static void Fail(this HttpContext context, int status, string title, string advice)
    {
        context.Features.Set(new PageProblem(title, advice));
        context.Response.StatusCode = status;
    }

    public static PageProblem Default(int status) => status switch
    {
        400 => new("请求有误", "网址中的参数不正确。请返回上一页，或从首页重新进入。"),
        404 => new("页面不存在", "您要找的页面或地区不存在，可能是网址输入有误。请从首页重新进入。"),
        429 => new("操作太频繁", "您的查询次数过多，请稍等一分钟后再试。"),
        _ when status >= 500 => new("系统繁忙", "服务器暂时出了问题，请稍后再试。如果一直出现，请拨打 12388 告诉我们。"),
        _ => new("无法打开页面", "请返回上一页，或从首页重新进入。"),
    };
}
