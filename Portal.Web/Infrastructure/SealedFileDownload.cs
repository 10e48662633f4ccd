using Microsoft.AspNetCore.Mvc;
using Portal.Core.Reports;

namespace Portal.Web.Infrastructure;

/// <summary>
/// A file a stranger sent, opened from its seal for staff (a report's attachment, a clue's evidence): always a download,
/// with the type its bytes were recognised as and that type's extension whatever name it came with, and sandboxed.
/// </summary>
public static class SealedFileDownload
{
    /// <param name="unnamed">The name given when the sender's name has nothing before its extension.</param>
    public static FileStreamResult Answer(HttpResponse response, string fileName, AttachmentKind kind, long length, Stream content, string unnamed)
    {
        // Stored as sent (a picture may hide a web page, a PDF a script): should a browser open it anyway, it runs nothing and loads nothing.
        response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        response.ContentLength = length;
        var name = Path.GetFileNameWithoutExtension(fileName) is { Length: > 0 } stem ? stem : unnamed;
        return new FileStreamResult(content, kind.ContentType()) { FileDownloadName = $"{name}.{kind.Extension()}" };
    }
}
