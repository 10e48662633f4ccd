using Portal.Core;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Indexer;

/// <summary>What the payment commands share: the bound options, the catalogues, where the index is, and whether to answer in JSON.</summary>
public sealed record IndexerContext(PortalOptions Portal, LookupOptions Lookup, RegionCatalog Regions, FundCatalog Funds, PaymentIndexProvider Payments, bool Json)
{
    public OwnerKey OwnerKey() => new(Lookup.KeyBytes());
}
