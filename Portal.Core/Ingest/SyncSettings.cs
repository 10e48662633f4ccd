namespace Portal.Core.Ingest;

/// <summary>What the clerk can tell the indexer about a file that its columns do not say.</summary>
public sealed record SyncSettings
{
    /// <summary>County code (6 digits) the file belongs to; otherwise taken from the first region code or the title.</summary>
    public string? County { get; init; }

    /// <summary>Fund for files without a fund column; otherwise taken from the title.</summary>
    public string? Fund { get; init; }

    /// <summary>Period (2026-05) for files without a period column; otherwise taken from the title.</summary>
    public string? Period { get; init; }
}
