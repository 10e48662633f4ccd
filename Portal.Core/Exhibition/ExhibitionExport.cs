using Portal.Core.Database;

namespace Portal.Core.Exhibition;

public sealed record ExportSummary(int Halls, int Exhibits, int News, int MediaFiles);

/// <summary>
/// Writes what is published into content/exhibition's form: <c>halls/NN-slug/hall.md</c>, its <c>NN-slug.md</c> exhibits,
/// <c>news/ID.md</c> and the media they use, so the published state can be kept in git or seed another installation.
/// Drafts, unpublished items and exhibits of unpublished halls are left out.
/// </summary>
public static class ExhibitionExport
{
    public static async Task<ExportSummary> WriteAsync(PortalDb db, ExhibitionMediaStore media, string folder, CancellationToken cancellationToken = default)
    {
        var live = (await PublishedExhibition.ReadLiveAsync(db, cancellationToken)).Select(l => l.Source).ToList();
        var (halls, news) = ExhibitionContentReader.Build(live, _ => true);
        var hallSlugs = halls.Select(h => h.Slug).ToHashSet(StringComparer.Ordinal);
        var written = live.Where(s => s.Kind != ExhibitionItemKind.Exhibit || hallSlugs.Contains(s.Key[..s.Key.IndexOf('/')])).ToList();

        // The halls and news folders are replaced whole, so what was taken down does not linger; media are only added.
        foreach (var part in new[] { "halls", "news" })
            if (Directory.Exists(Path.Combine(folder, part))) Directory.Delete(Path.Combine(folder, part), recursive: true);
        var hallFolders = written.Where(s => s.Kind == ExhibitionItemKind.Hall)
            .ToDictionary(s => s.Key, s => Path.Combine(folder, "halls", $"{s.Order:00}-{s.Key}"), StringComparer.Ordinal);
        foreach (var source in written)
        {
            var path = source.Kind switch
            {
                ExhibitionItemKind.Hall => Path.Combine(hallFolders[source.Key], "hall.md"),
                ExhibitionItemKind.Exhibit => Path.Combine(hallFolders[source.Key[..source.Key.IndexOf('/')]], $"{source.Order:00}-{source.Key[(source.Key.IndexOf('/') + 1)..]}.md"),
                _ => Path.Combine(folder, "news", source.Key + ".md"),
            };
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, source.Text, cancellationToken);
        }

        var used = halls.SelectMany(h => h.Exhibits.SelectMany(e => e.Media).Concat(h.Cover is null ? [] : [h.Cover]))
            .Concat(news.Where(n => n.Cover is not null).Select(n => n.Cover!))
            .SelectMany(m => m.Captions is null ? new[] { m.Src } : [m.Src, m.Captions])
            .Distinct(StringComparer.Ordinal).ToList();
        var copied = 0;
        foreach (var src in used)
        {
            var target = Path.Combine(folder, "media", src);
            if (File.Exists(target)) continue;
            await using var stream = await media.OpenAsync(src, cancellationToken);
            if (stream is null) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var file = File.Create(target);
            await stream.CopyToAsync(file, cancellationToken);
            copied++;
        }
        return new ExportSummary(halls.Count, halls.Sum(h => h.Exhibits.Count), news.Count, copied);
    }
}
