using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// The <c>portal-sync</c> document: the last committed run (its sequence) and the counties it changed, as the
/// embedded index keeps them in its commit data, with when it and the commits of the last hour were made (a writer
/// keeps what those commits replaced for readers that have not caught up). Writing it is the commit: one document
/// write is atomic.
/// </summary>
internal sealed record SyncState(long Sequence, IReadOnlyList<string> Counties, bool AllRegions)
{
    private static readonly TimeSpan HistorySpan = TimeSpan.FromHours(1);
    private const int HistoryLength = 100;

    /// <summary>Before the first commit.</summary>
    public static readonly SyncState Nothing = new(0, [], false);

    /// <summary>Recent commits with their times, oldest first, this one last; empty for a state written before commit times were kept.</summary>
    public IReadOnlyList<CommitTime> Commits { get; init; } = [];

    /// <summary>Null when there is no index behind the alias or nothing was ever committed. A GET by id is real-time, no refresh needed.</summary>
    public static SyncState? Read(ElasticsearchClient client, string? index = null) => ReadAsync(client, index).GetAwaiter().GetResult();

    public static async Task<SyncState?> ReadAsync(ElasticsearchClient client, string? index = null, CancellationToken cancellationToken = default)
    {
        var answer = await client.SendAsync(HttpMethod.Get, $"{index ?? client.Alias}/_doc/{PaymentDocuments.SyncId}", null, notFoundIsNull: true, cancellationToken: cancellationToken);
        if (answer is not { } doc || !doc.TryGetProperty("_source", out var source)) return null;
        var sequence = source.GetProperty("sequence").GetInt64();
        var earlier = source.TryGetProperty("commits", out var h)
            ? h.EnumerateArray().Select(c => new CommitTime(c.GetProperty("sequence").GetInt64(), Time(c.GetProperty("committedAt").GetString()))).ToList()
            : [];
        return new SyncState(
            sequence,
            source.TryGetProperty("counties", out var c) ? c.EnumerateArray().Select(e => e.GetString()!).ToList() : [],
            source.TryGetProperty("allRegions", out var a) && a.GetBoolean())
        {
            Commits = source.TryGetProperty("committedAt", out var at) ? [.. earlier, new CommitTime(sequence, Time(at.GetString()))] : earlier,
        };
    }

    /// <summary>The state a commit of <paramref name="sequence"/> writes: this history, pruned to the last hour (and 100 commits), plus the new commit.</summary>
    public SyncState Next(long sequence, IReadOnlyList<string> counties, bool allRegions, DateTimeOffset now) =>
        new(sequence, counties, allRegions) { Commits = [.. Commits.Where(c => c.At > now - HistorySpan).TakeLast(HistoryLength - 1), new CommitTime(sequence, now)] };

    /// <summary>
    /// The oldest run whose replaced documents must stay: the first committed less than <paramref name="retention"/> ago,
    /// as readers that have not re-read the state since may still ask for what it replaced. Commits of unknown time
    /// (pruned, or from before times were kept) count as old; with no recent commit every replaced document may go.
    /// </summary>
    public long OldestKept(DateTimeOffset now, TimeSpan retention) =>
        Commits.Where(c => c.At > now - retention).Select(c => c.Sequence).DefaultIfEmpty(Sequence + 1).Min();

    public void Write(ElasticsearchClient client, string? index = null)
    {
        var body = new JsonObject
        {
            ["type"] = PaymentDocuments.SyncType,
            ["sequence"] = Sequence,
            ["counties"] = new JsonArray(Counties.Select(c => (JsonNode)c).ToArray()),
            ["allRegions"] = AllRegions,
        };
        if (Commits.Count > 0 && Commits[^1].Sequence == Sequence)
        {
            body["committedAt"] = Text(Commits[^1].At);
            body["commits"] = new JsonArray(Commits.SkipLast(1).Select(c => (JsonNode)new JsonObject { ["sequence"] = c.Sequence, ["committedAt"] = Text(c.At) }).ToArray());
        }
        client.Send(HttpMethod.Put, $"{index ?? client.Alias}/_doc/{PaymentDocuments.SyncId}?refresh=true", body);
    }

    /// <summary>UTC with a Z: a date field parses it, and no '+' to be escaped in the body.</summary>
    internal static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset Time(string? text) => DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture);
}

/// <summary>When a run was committed.</summary>
internal sealed record CommitTime(long Sequence, DateTimeOffset At);
