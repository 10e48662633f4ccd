using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Database;

namespace Portal.Core.Exhibition;

/// <summary>A hall's visit count as stored: one row per hall, added to in batches.</summary>
public sealed class HallVisit
{
    public string Slug { get; set; } = "";
    public long Count { get; set; }
}

public sealed class HallVisitOptions
{
    public const string Section = "Portal:Exhibition";

    /// <summary>How often counted visits are written; a crash loses at most this much counting, never a stored count.</summary>
    public TimeSpan VisitFlushInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// 累计访问量 without a database write per view: a view is an increment in memory; every few seconds the
/// increments are added to the stored counts in one statement per hall (so several instances add up,
/// never overwrite), and once more when the host stops.
/// </summary>
public sealed class HallVisitCounter(IServiceScopeFactory scopes, IOptions<HallVisitOptions> options, ILogger<HallVisitCounter> log) : BackgroundService
{
    private readonly ConcurrentDictionary<string, long> _pending = new(StringComparer.Ordinal);
    private Dictionary<string, long> _stored = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public void Record(string slug) => _pending.AddOrUpdate(slug, 1, (_, n) => n + 1);

    /// <summary>Stored plus not yet written: what a visitor sees.</summary>
    public long Count(string slug)
    {
        lock (_gate) return _stored.GetValueOrDefault(slug) + _pending.GetValueOrDefault(slug);
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => FlushAsync(onlyIfPending: false, cancellationToken);

    private async Task FlushAsync(bool onlyIfPending, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            if (onlyIfPending && _pending.IsEmpty) return;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            foreach (var slug in _pending.Keys)
            {
                long added;
                // Moved from pending to stored in one step, so a visitor never sees the count dip while it is written.
                lock (_gate)
                {
                    if (!_pending.TryRemove(slug, out added) || added == 0) continue;
                    _stored[slug] = _stored.GetValueOrDefault(slug) + added;
                }
                try
                {
                    await AddAsync(db, slug, added, cancellationToken);
                }
                catch
                {
                    lock (_gate)
                    {
                        _stored[slug] -= added;
                        Record(slug, added);
                    }
                    throw;
                }
            }
            var stored = await db.Set<HallVisit>().AsNoTracking().ToDictionaryAsync(v => v.Slug, v => v.Count, StringComparer.Ordinal, cancellationToken);
            lock (_gate) _stored = stored;
        }
        finally
        {
            _flushing.Release();
        }
    }

    private void Record(string slug, long visits) => _pending.AddOrUpdate(slug, visits, (_, n) => n + visits);

    private static async Task AddAsync(PortalDb db, string slug, long added, CancellationToken cancellationToken)
    {
        var visits = db.Set<HallVisit>();
        if (await visits.Where(v => v.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + added), cancellationToken) > 0) return;
        try
        {
            visits.Add(new HallVisit { Slug = slug, Count = added });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance made the row first: add to it.
            db.ChangeTracker.Clear();
            await visits.Where(v => v.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(v => v.Count, v => v.Count + added), cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.VisitFlushInterval);
        do
        {
            try
            {
                await FlushAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Writing hall visit counts failed; they are kept and written next time");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // A host can be stopped twice, the second time after its services are disposed (WebApplicationFactory stops
        // the host while app.Run stops and disposes it): only the stop that finds visits pending writes them.
        await FlushAsync(onlyIfPending: true, CancellationToken.None);
    }
}
