using Portal.Core.Payments;

namespace Portal.Core.Tests.WeChat;

/// <summary>Rollups by fund for any region, counting the questions asked; optionally held until released, or failing.</summary>
public sealed class FakePaymentIndex(params PaymentTotal[] totals) : IPaymentIndex
{
    private int _questions;

    private readonly TaskCompletionSource _asked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Questions => _questions;

    /// <summary>Completes when the first question arrives.</summary>
    public Task Asked => _asked.Task;

    /// <summary>When set, every question waits for it: a slow index past the answer budget.</summary>
    public ManualResetEventSlim? Gate { get; init; }

    /// <summary>When set, every question throws it: an index that cannot be read.</summary>
    public Exception? Failure { get; init; }

    public Task<IReadOnlyList<PaymentTotal>> SummarizeAsync(string regionCode, string? fundCode, Period? period, SummaryGrouping grouping, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _questions);
        _asked.TrySetResult();
        Gate?.Wait(TimeSpan.FromSeconds(30), cancellationToken);
        if (Failure is not null) throw Failure;
        return Task.FromResult<IReadOnlyList<PaymentTotal>>(totals);
    }

    public Task<PaymentPage> SearchAsync(PaymentQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<PublicPayment>> FindOwnAsync(string ownerKey, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PublicPayment?> FindAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<Period>> PeriodsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task CheckAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<IndexChange?> RefreshAsync(CancellationToken cancellationToken = default) => Task.FromResult<IndexChange?>(null);

    // The gate belongs to the test that made it.
    public void Dispose()
    {
    }
}
