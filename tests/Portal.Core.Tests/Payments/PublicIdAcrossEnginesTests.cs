using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Ingest;
using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Core.Payments.Lucene;
using Portal.Tests;

namespace Portal.Core.Tests.Payments;

/// <summary>
/// A report names a disputed payment by its public id: moving the index from Lucene to Elasticsearch (or back) must
/// not change it. The row is written by the embedded index and by the Elasticsearch adapter's document, and read back from both.
/// </summary>
public sealed class PublicIdAcrossEnginesTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "portal-index-" + Guid.NewGuid().ToString("N")[..12]);
    private static readonly FakeTimeProvider May = new(new DateTimeOffset(2026, 5, 20, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_same_row_has_the_same_public_id_in_Lucene_and_in_Elasticsearch()
    {
        var village = SampleData.Regions.Find("410221101201")!;
        var fund = SampleData.Funds.All[0];
        var row = new ValidPayment(1, village, fund, new Period(2026, 5), 300m, "owner-key-of-a-villager", "张*明", 3, "杞县民政局", null);
        using (var writer = new LucenePaymentWriter(_directory, SampleData.Regions))
        {
            writer.Replace([row]);
            writer.Commit();
        }
        using var lucene = new LucenePaymentIndex(_directory, SampleData.Funds, May);

        var fromLucene = Assert.Single(await lucene.FindOwnAsync(row.OwnerKey));
        var document = PaymentDocuments.Payment(1, row.Partition.ToString(), row, SampleData.Regions.Path(village));
        var fromElasticsearch = PaymentDocuments.ToPayment(JsonSerializer.SerializeToElement(document));

        Assert.Equal(fromLucene.Id, fromElasticsearch.Id);
        Assert.Equal(PaymentIndexRules.PublicId(row), fromLucene.Id);
    }

    public void Dispose()
    {
        try { Directory.Delete(_directory, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
