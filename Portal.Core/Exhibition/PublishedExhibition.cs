using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Database;
using Portal.Core.Operations;

namespace Portal.Core.Exhibition;

/// <summary>
/// What the public sees of the exhibition and news: the live version of every published item in the database, built
/// into an <see cref="ExhibitionSnapshot"/> and replaced whole when something is published or taken down, here or on
/// another instance (<see cref="RefreshAsync"/> runs after every change and every few seconds). Each replacement
/// evicts the cached pages of exactly what changed.
/// </summary>
public sealed class PublishedExhibition(
    IServiceScopeFactory scopes, ExhibitionMediaStore media, NewsOffices offices, PortalMetrics metrics, ICachedPages cache, ILogger<PublishedExhibition> log)
    : IExhibitionContent
{
    private sealed record State(ExhibitionSnapshot Snapshot, IReadOnlyDictionary<LiveKey, int> Live)
    {
        public IReadOnlyDictionary<string, string> Fingerprints { get; } = ExhibitionCacheTags.Fingerprints(Live);
    }

    private volatile State _state = new(ExhibitionSnapshot.Empty, new Dictionary<LiveKey, int>());
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public string Version => _state.Snapshot.Version;

    /// <summary>What the pages of a cache tag show in the state held now (<see cref="ExhibitionCacheTags.Fingerprints"/>).</summary>
    public string FingerprintOf(string tag) => _state.Fingerprints.GetValueOrDefault(tag, "");

    public IReadOnlyList<Hall> Halls() => _state.Snapshot.Halls();

    public Hall? Hall(string slug) => _state.Snapshot.Hall(slug);

    public Exhibit? Exhibit(string id) => _state.Snapshot.Exhibit(id);

    public NewsPage News(int page, int pageSize, string? category = null, string? office = null) => _state.Snapshot.News(page, pageSize, category, office);

    public NewsArticle? Article(string id) => _state.Snapshot.Article(id);

    /// <summary>Reads what is live; when it differs from what is held, rebuilds, swaps, and evicts the affected cache tags. Gives those tags.</summary>
    public async Task<IReadOnlySet<string>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            var before = _state;
            // Every few seconds on every instance: compare version numbers first, and read the documents only when they moved.
            var numbers = await db.ExhibitionItems.AsNoTracking().Where(i => i.LiveVersion != null)
                .Select(i => new { i.Kind, i.Key, Version = i.LiveVersion!.Value }).ToListAsync(cancellationToken);
            if (numbers.Count == before.Live.Count && numbers.All(n => before.Live.TryGetValue(new LiveKey(n.Kind, n.Key), out var v) && v == n.Version))
                return new HashSet<string>();
            var sources = await ReadLiveAsync(db, cancellationToken);
            var live = sources.ToDictionary(s => new LiveKey(s.Source.Kind, s.Source.Key), s => s.Version);
            // Media were checked when each version was saved; a picture that has since vanished shows as missing, not as a broken site.
            var (halls, written) = ExhibitionContentReader.Build(sources.Select(s => s.Source), _ => true);
            // Every item names an office the tree holds, so a list of one office's news is a plain match on its code.
            var news = written.Select(n => n with { OfficeCode = offices.Of(n).Code }).ToList();
            await media.MeasureAsync(halls.SelectMany(h => h.Exhibits.SelectMany(e => e.Media).Concat(h.Cover is null ? [] : [h.Cover]))
                .Concat(news.Where(n => n.Cover is not null).Select(n => n.Cover!)), cancellationToken);
            await media.ReadGuideCaptionsAsync(halls.SelectMany(h => h.Exhibits.SelectMany(e => e.Media)), cancellationToken);
            _state = new State(new ExhibitionSnapshot(halls, news, VersionOf(sources.Select(s => s.Source))), live);
            metrics.ExhibitionChanges.Add(1);
            var tags = ExhibitionCacheTags.ToEvict(before.Live, live);
            foreach (var tag in tags) await cache.EvictAsync(tag, cancellationToken);
            log.LogInformation("Published exhibition changed; evicted cache tags {Tags}", string.Join(",", tags));
            return tags;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>The live version of every published item, as documents.</summary>
    public static async Task<List<(ExhibitionSource Source, int Version)>> ReadLiveAsync(PortalDb db, CancellationToken cancellationToken)
    {
        var rows = await db.ExhibitionItems.AsNoTracking()
            .Where(i => i.LiveVersion != null)
            .Join(db.ExhibitionVersions, i => new { i.Id, Number = i.LiveVersion!.Value }, v => new { Id = v.ItemId, v.Number },
                (i, v) => new { i.Kind, i.Key, v.Number, v.Order, v.Text })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (new ExhibitionSource(r.Kind, r.Key, r.Order, r.Text, $"{r.Kind.Name()} {r.Key}"), r.Number)).ToList();
    }

    /// <summary>A hash of what is published, not of version numbers: instances and databases holding the same content give the same ETags, different content never does.</summary>
    private static string VersionOf(IEnumerable<ExhibitionSource> live)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in live.OrderBy(s => s.Kind).ThenBy(s => s.Key, StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes($"{source.Kind}|{source.Key}|{source.Order}|{source.Text.Length}|{source.Text}\n"));
        return Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
