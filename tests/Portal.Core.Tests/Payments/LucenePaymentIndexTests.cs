using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Tests;

namespace Portal.Core.Tests.Payments;

/// <summary>The payment index behaviours against the embedded Lucene index in a throw-away folder.</summary>
public sealed class LucenePaymentIndexTests : PaymentIndexBehaviour
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-index-" + Guid.NewGuid().ToString("N")[..12]);

    protected override IPartitionStore OpenStore() => new LucenePaymentWriter(_directory, SampleData.Regions);

    protected override IPaymentIndex OpenIndex(TimeProvider clock) => new LucenePaymentIndex(_directory, SampleData.Funds, clock);

    public override void Dispose()
    {
        base.Dispose();
        try { Directory.Delete(_directory, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
