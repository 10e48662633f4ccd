using Portal.Core.Payments;

namespace Portal.Core.Tests.WeChat;

/// <summary>Rollups by fund for any region, counting the questions asked; optionally held until released, or failing.</summary>
public sealed class FakePaymentIndex(params PaymentTotal[] totals) : IPaymentIndex
{
    private int _questions;

    public int Questions => _questions;

    /// <summary>When set, every question waits for it: a slow index past the answer budget.</summary>
    public ManualResetEventSlim? Gate { get; init; }

    /// <summary>When set, every question throws it: an index that cannot be read.</summary>
    public Exception? Failure { get; init; }

    public IReadOnlyList<PaymentTotal> Summarize(string regionCode, string? fundCode, Period? period, SummaryGrouping grouping)
    {
        Interlocked.Increment(ref _questions);
        Gate?.Wait(TimeSpan.FromSeconds(30));
        if (Failure is not null) throw Failure;
        return totals;
    }

    public PaymentPage Search(PaymentQuery query) => throw new NotSupportedException();

    public IReadOnlyList<PublicPayment> FindOwn(string ownerKey) => throw new NotSupportedException();

    public PublicPayment? Find(string id) => throw new NotSupportedException();

    public IReadOnlyList<Period> Periods() => throw new NotSupportedException();

    public IndexChange? Refresh() => null;

    // The gate belongs to the test that made it.
    public void Dispose()
    {
    }
}
