namespace Portal.Core.Payments;

/// <summary>
/// What the sites need from the payment search index. Every answer leaves out payments past their
/// fund's publication window. Implemented over Lucene (embedded) and Elasticsearch; disposing it closes its files or connections.
/// </summary>
public interface IPaymentIndex : IDisposable
{
    PaymentPage Search(PaymentQuery query);

    /// <summary>Totals under a region grouped by child region, fund or period, from the rollups.</summary>
    IReadOnlyList<PaymentTotal> Summarize(string regionCode, string? fundCode, Period? period, SummaryGrouping grouping);

    /// <summary>A person's own payments, found by their keyed lookup hash (never by name or ID number).</summary>
    IReadOnlyList<PublicPayment> FindOwn(string ownerKey);

    PublicPayment? Find(string id);

    /// <summary>Periods that have published payments, newest first.</summary>
    IReadOnlyList<Period> Periods();

    /// <summary>Picks up what a sync committed since the last call; returns the county codes it changed, or null if nothing changed.</summary>
    IndexChange? Refresh();
}

/// <summary>Counties a sync changed; AllRegions when more than one sync happened since the last look.</summary>
public sealed record IndexChange(IReadOnlyList<string> CountyCodes, bool AllRegions);
