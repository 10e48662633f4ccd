using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Portal.Core.Funds;
using Portal.Core.Ingest;
using Portal.Core.Regions;

namespace Portal.Core.Payments;

/// <summary>
/// What every payment index gives the same, whatever its engine (Lucene, Elasticsearch): a payment's public id, each
/// fund's publication window, a region's level from its code, and the place names a name search looks in. A report
/// names a disputed payment by its public id, so the id must survive a change of engine.
/// </summary>
public static class PaymentIndexRules
{
    /// <summary>A short digest of the (already keyed) owner hash, fund and period: stable across syncs and engines, and it reveals nothing.</summary>
    public static string PublicId(ValidPayment p) => PublicId(p.OwnerKey, p.Fund.Code, p.Period);

    /// <summary>As <see cref="PublicId(ValidPayment)"/>, from its parts (the desensitizer seals an identity under it before the payment exists).</summary>
    public static string PublicId(string ownerKey, string fundCode, Period period)
    {
        var text = $"{ownerKey}|{fundCode}|{period.Value}";
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), digest);
            return Convert.ToHexStringLower(digest[..10]);
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>The month a fund's window opens in: payments of this month and the fund's publication months before it are public, older ones leave every answer.</summary>
    public static Period FirstPublishedPeriod(Fund fund, Period now) => now.AddMonths(1 - fund.PublicationMonths);

    /// <summary>The month the publication windows are counted from: the deployment's local month.</summary>
    public static Period CurrentPeriod(TimeProvider clock) => Period.Of(clock.GetLocalNow());

    /// <summary>A region's level from its code's length (41, 4102, 410221, 410221101, 410221101201); anything else is the country.</summary>
    public static RegionLevel LevelOf(string code) => code.Length switch
    {
        2 => RegionLevel.Province, 4 => RegionLevel.City, 6 => RegionLevel.County, 9 => RegionLevel.Township, 12 => RegionLevel.Village, _ => RegionLevel.Country,
    };

    /// <summary>The township and village names of a partition's path (province first), as people say them: what a name search also matches.</summary>
    public static string PlaceText(IReadOnlyList<Region> path) => string.Join(" ", path.Skip(3).Select(RegionCatalog.DisplayName));
}
