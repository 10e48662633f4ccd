namespace Portal.Core;

/// <summary>Where the Portal keeps its data and reads its bundled content; shared by every host.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Index and other data. Same default for every host so the indexer and the sites meet without set-up.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The editable content/ folder (fund catalogue, regions). Empty: ./content if present, else the copy beside the binaries.</summary>
    public string ContentDirectory { get; set; } = "";

    /// <summary>The counties served (<see cref="Regions.ServedArea"/>); by default those of the sample data, so that ./run.sh shows them.</summary>
    public string ServedRegions { get; set; } = string.Join(',', Ingest.Samples.SampleExport.CountyCodes);

    public static string DefaultDataDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "portal");

    public string ResolveContentDirectory()
    {
        if (!string.IsNullOrWhiteSpace(ContentDirectory)) return Path.GetFullPath(ContentDirectory);
        var local = Path.Combine(Directory.GetCurrentDirectory(), "content");
        return File.Exists(Path.Combine(local, "funds.yaml")) ? local : Path.Combine(AppContext.BaseDirectory, "content");
    }

    public string PaymentIndexDirectory => Path.Combine(Path.GetFullPath(DataDirectory), "payments-index");
}
