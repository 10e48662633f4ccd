using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Core.Reports;
using Portal.Web.Infrastructure;

namespace Portal.Web.Reports;

public static class UploadLimits
{
    /// <summary>Uploads stay in memory up to the request limit, so an attachment is never written to a temporary file in plaintext.</summary>
    public const int MemoryBuffer = (int)ReportLimits.MaxRequestBytes;

    /// <summary>The file picker's filter: the kinds the office takes, by extension and by type (some phone pickers read only one of the two).</summary>
    public static readonly string Accept = string.Join(",",
        Enum.GetValues<AttachmentKind>().Select(k => "." + k.Extension()).Append(".jpeg")
            .Concat(Enum.GetValues<AttachmentKind>().Select(k => k.ContentType())));

    public const string TooLargeTitle = "提交的内容太大";

    public static readonly string TooLargeAdvice =
        $"附件最多 {ReportLimits.MaxFiles} 个，每个不超过 {ReportLimits.MaxFileBytes / 1024 / 1024}MB。请返回上一页，压缩照片或视频、减少附件后重新选择；已填写的文字可能需要重新填写。";
}

/// <summary>
/// Reads an upload form right after [RequestSizeLimit]/[RequestFormLimits] (order 900) set the limits and before antiforgery
/// (order 1000) reads it, so a body over the limit gets a Chinese page rather than a bare 413 or an antiforgery 400.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RefuseOversizeUploadAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType) return;
        // An honest client says how much it sends: refuse before reading a byte of it.
        if (request.ContentLength > ReportLimits.MaxRequestBytes)
        {
            Refuse(context);
            return;
        }
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            Refuse(context);
        }
        catch (IOException)
        {
            // A broken or abandoned upload: antiforgery reads the same failed form and answers 400.
        }
    }

    private static void Refuse(AuthorizationFilterContext context)
    {
        context.HttpContext.Fail(StatusCodes.Status413PayloadTooLarge, UploadLimits.TooLargeTitle, UploadLimits.TooLargeAdvice);
        context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
    }
}
