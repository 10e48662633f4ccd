using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Portal.Core.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Exhibition;

/// <summary>
/// Serves the exhibition's pictures, audio, video and captions under <see cref="ExhibitionMedia.PathPrefix"/> from the
/// media folder: only the kinds the exhibition uses, with ranges (audio and video seek), validators and a long cache.
/// </summary>
public static class ExhibitionMediaFiles
{
    /// <summary>Media keep their names while they are published; an edit reaches phones within this time, by revalidation.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public static IApplicationBuilder UseExhibitionMedia(this IApplicationBuilder app)
    {
        var folder = app.ApplicationServices.GetRequiredService<FileExhibitionContent>().MediaDirectory;
        return app.Map(ExhibitionMedia.PathPrefix, media =>
        {
            if (Directory.Exists(folder))
                media.UseStaticFiles(new StaticFileOptions
                {
                    // The provider refuses paths that climb out of the folder and hidden files; there is no directory listing.
                    FileProvider = new PhysicalFileProvider(folder),
                    ContentTypeProvider = new MediaTypes(),
                    ServeUnknownFileTypes = false,
                    OnPrepareResponse = Prepare,
                });
            media.Run(context =>
            {
                context.Fail(StatusCodes.Status404NotFound, "找不到这个文件", "展厅中的这张图片、这段音频或视频已不存在。请返回展厅重新打开展品。");
                return Task.CompletedTask;
            });
        });
    }

    private static void Prepare(StaticFileResponseContext file)
    {
        var headers = file.Context.Response.Headers;
        headers.CacheControl = $"public,max-age={(int)MaxAge.TotalSeconds}";
        headers.XContentTypeOptions = "nosniff";
        // An SVG opened on its own is a document of this site: it may draw and style itself, never run script or load anything.
        if (file.File.Name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
    }

    /// <summary>The exhibition's media kinds and nothing else: an .html or .js dropped into the folder is never served from this site.</summary>
    private sealed class MediaTypes : IContentTypeProvider
    {
        private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
        {
            [".svg"] = "image/svg+xml", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".webp"] = "image/webp",
            [".mp3"] = "audio/mpeg", [".m4a"] = "audio/mp4", [".mp4"] = "video/mp4", [".vtt"] = "text/vtt; charset=utf-8",
        };

        public bool TryGetContentType(string subpath, [MaybeNullWhen(false)] out string contentType) =>
            Types.TryGetValue(Path.GetExtension(subpath), out contentType);
    }
}
