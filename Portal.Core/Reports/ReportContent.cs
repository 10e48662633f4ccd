namespace Portal.Core.Reports;

/// <summary>The reporter's identity, as given on a named report.</summary>
public sealed record ReporterIdentity(string Name, string IdNumber, string Phone, string? Address);

/// <summary>The person reported on.</summary>
public sealed record ReportedPerson(string Name, string Unit, string? Position, OfficialLevel Level, string RegionCode);

/// <summary>
/// What was reported, sealed as one value. The salt and the attachments' SHA-256 make the filing digest
/// unguessable and let staff check later that nothing filed was changed.
/// </summary>
public sealed record ReportContent(string Title, string Facts, ReportedPerson Person, DisputedPayment? Payment, string Salt, IReadOnlyList<string> AttachmentHashes);

/// <summary>The public record of the payment a report disputes, copied as published (a masked name, never a full one).</summary>
public sealed record DisputedPayment(string Id, string MaskedName, string FundName, string VillageCode, string Period, decimal Amount);
