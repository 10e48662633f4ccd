using Portal.Core.Payments;

namespace Portal.Web.Payments;

/// <summary>Payments as one table: on a region page and in the self-lookup answer.</summary>
public sealed record PaymentRows(IReadOnlyList<PublicPayment> Items, bool ShowVillage);
