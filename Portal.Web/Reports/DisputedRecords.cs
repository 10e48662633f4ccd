using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Web.Reports;

/// <summary>A payment's public record as the report form shows it (所附公示记录): the fields the payment pages publish, nothing more.</summary>
public sealed record DisputedRecord(string Id, string MaskedName, string Fund, string Amount, string Period, string Place, string VillageCode);

public sealed class DisputedRecords(IPaymentIndex index, FundCatalog funds, RegionCatalog regions)
{
    /// <summary>Null for an id that is not (or no longer) published.</summary>
    public async Task<DisputedRecord?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || await index.FindAsync(id.Trim(), cancellationToken) is not { } payment) return null;
        var place = regions.Find(payment.VillageCode) is { } village
            ? string.Join(" ", regions.Path(village).Where(r => r.Level >= RegionLevel.County).Select(RegionCatalog.DisplayName))
            : payment.VillageCode;
        return new DisputedRecord(payment.Id, payment.MaskedName, funds.ByCode(payment.FundCode)?.Name ?? payment.FundCode,
            Money.Yuan(payment.Amount), payment.Period.ToChinese(), place, payment.VillageCode);
    }
}
