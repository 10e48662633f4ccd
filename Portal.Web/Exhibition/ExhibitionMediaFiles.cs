using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using Portal.Core.Exhibition;
using Portal.Web.Infrastructure;

namespace Portal.Web.Exhibition;

/// <summary>
/// Serves the exhibition's pictures, audio, video and captions under <see cref="ExhibitionMedia.PathPrefix"/>: the
/// bundled ones from content/exhibition/media, the press office's uploads from blob storage. Only the kinds the
/// exhibition uses, with ranges (audio and video seek), validators and a long cache.
/// </summary>
public static class ExhibitionMediaFiles
{
    /// <summary>Bundled media keep their names while they are published; an edit reaches phones within this time, by revalidation.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public static IApplicationBuilder UseExhibitionMedia(this IApplicationBuilder app)
    {
        var store = app.ApplicationServices.GetRequiredService<ExhibitionMediaStore>();
        return app.Map(ExhibitionMedia.PathPrefix, media =>
        {
            media.Map("/" + ExhibitionMedia.UploadFolder.TrimEnd('/'), uploads => uploads.Run(context => ServeUploadAsync(context, store)));
            if (Directory.Exists(store.BundledFolder))
                media.UseStaticFiles(new StaticFileOptions
                {
                    // The provider refuses paths that climb out of the folder and hidden files; there is no directory listing.
                    FileProvider = new PhysicalFileProvider(store.BundledFolder),
                    ContentTypeProvider = new MediaTypes(),
                    ServeUnknownFileTypes = false,
                    OnPrepareResponse = file =>
                    {
                        Secure(file.Context.Response.Headers, file.File.Name);
                        file.Context.Response.Headers.CacheControl = $"public,max-age={(int)MaxAge.TotalSeconds}";
                    },
                });
            media.Run(NotFound);
        });
    }

    /// <summary>Uploads are named by their hash, so a name always means the same bytes: cached for a year and never revalidated.</summary>
    private static async Task ServeUploadAsync(HttpContext context, ExhibitionMediaStore store)
    {
        var name = context.Request.Path.Value?.TrimStart('/') ?? "";
        var src = ExhibitionMedia.UploadFolder + name;
        if (name.Contains('/') || !new MediaTypes().TryGetContentType(name, out var type) || await store.OpenAsync(src, context.RequestAborted) is not { } stream)
        {
            await NotFound(context);
            return;
        }
        Secure(context.Response.Headers, name);
        context.Response.Headers.CacheControl = "public,max-age=31536000,immutable";
        await Results.Stream(stream, type, entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(name)}\""), enableRangeProcessing: true)
            .ExecuteAsync(context);
    }

    private static void Secure(IHeaderDictionary headers, string name)
    {
        headers.XContentTypeOptions = "nosniff";
        // An SVG opened on its own is a document of this site: it may draw and style itself, never run script or load anything.
        if (name.EndsWith(".svg", StringComparison.OrdinalIgnoreCase))
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
    }

    private static Task NotFound(HttpContext context)
    {
        context.Fail(StatusCodes.Status404NotFound, "找不到这个文件", "展厅中的这张图片、这段音频或视频已不存在。请返回展厅重新打开展品。");
        return Task.CompletedTask;
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
