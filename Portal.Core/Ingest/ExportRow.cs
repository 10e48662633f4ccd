namespace Portal.Core.Ingest;

/// <summary>The cells of one data row, by column. Bank account and phone are recognised but never kept.</summary>
public sealed record ExportRow(
    int RowNumber,
    string Name,
    string IdNumber,
    string Fund,
    string Amount,
    string Period,
    string Township,
    string Village,
    string RegionCode,
    string HouseholdSize,
    string PaidOn,
    string Department);
