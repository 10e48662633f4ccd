using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Staff;

namespace Portal.Core.Exhibition;

/// <summary>
/// The rule between content/exhibition and the back office: the folder seeds the database once, on first run, as
/// published version 1 of every item; from then on the database is the source of truth, and
/// <see cref="ExhibitionExport"/> writes what is published back into the folder's form.
/// </summary>
public static class ExhibitionSeeding
{
    public const string SeedAuthor = "content/exhibition";

    /// <summary>Seeds an empty database; gives the number of items added (0 when there were items already).</summary>
    public static async Task<int> SeedAsync(PortalDb db, string folder, ExhibitionMediaStore media, DateTime now, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder) || await db.ExhibitionItems.AnyAsync(cancellationToken)) return 0;
        var sources = ExhibitionContentReader.ReadSources(folder);
        var mediaFolder = Path.Combine(folder, "media");
        // The whole folder must load, as it would from files, before anything is stored.
        ExhibitionContentReader.Build(sources, src => File.Exists(Path.Combine(mediaFolder, src)));
        var uploads = Path.Combine(mediaFolder, ExhibitionMedia.UploadFolder);
        if (Directory.Exists(uploads))
            foreach (var file in Directory.GetFiles(uploads))
            {
                await using var stream = File.OpenRead(file);
                await media.Uploads.PutAsync(ExhibitionMedia.UploadFolder + Path.GetFileName(file), stream, cancellationToken);
            }
        foreach (var source in sources)
            db.ExhibitionItems.Add(new ExhibitionItem
            {
                Id = Guid.NewGuid(), Kind = source.Kind, Key = source.Key, Stage = PublishingStage.Published, LatestVersion = 1, LiveVersion = 1, UpdatedAt = now,
                Versions = [new ExhibitionVersion { Number = 1, Order = source.Order, Text = source.Text, AuthorName = SeedAuthor, CreatedAt = now, Note = "首次运行时从 content/exhibition 导入" }],
            });
        AuditLog.AppendSystem(db, SeedAuthor, "导入展厅内容", $"{sources.Count} 项", now);
        await db.SaveChangesAsync(cancellationToken);
        return sources.Count;
    }
}
