namespace Portal.Core.Payments;

/// <summary>
/// What the sites need from the payment search index. Every answer leaves out payments past their
/// fund's publication window. Implemented over Lucene (embedded) and Elasticsearch; disposing it closes its files or connections.
/// Asynchronous because over Elasticsearch every read is an HTTP call, which must not hold a request thread; the
/// embedded index answers at once with completed tasks.
/// </summary>
public interface IPaymentIndex : IDisposable
{
    Task<PaymentPage> SearchAsync(PaymentQuery query, CancellationToken cancellationToken = default);

    /// <summary>Totals under a region grouped by child region, fund or period, from the rollups.</summary>
    Task<IReadOnlyList<PaymentTotal>> SummarizeAsync(string regionCode, string? fundCode, Period? period, SummaryGrouping grouping, CancellationToken cancellationToken = default);

    /// <summary>A person's own payments, found by their keyed lookup hash (never by name or ID number).</summary>
    Task<IReadOnlyList<PublicPayment>> FindOwnAsync(string ownerKey, CancellationToken cancellationToken = default);

    Task<PublicPayment?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Periods that have published payments, newest first.</summary>
    Task<IReadOnlyList<Period>> PeriodsAsync(CancellationToken cancellationToken = default);

    /// <summary>Throws when the index cannot answer now (for readiness): asks the engine itself, past any cached answer.</summary>
    Task CheckAsync(CancellationToken cancellationToken = default);

    /// <summary>Picks up what a sync committed since the last call; returns the county codes it changed, or null if nothing changed.</summary>
    Task<IndexChange?> RefreshAsync(CancellationToken cancellationToken = default);
}

/// <summary>Counties a sync changed; AllRegions when more than one sync happened since the last look.</summary>
public sealed record IndexChange(IReadOnlyList<string> CountyCodes, bool AllRegions);
