using Portal.Core;
using Portal.Core.Funds;
using Portal.Core.Ingest;
using Portal.Core.Ingest.Samples;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Privacy;
using Portal.Core.Regions;

namespace Portal.Tests;

/// <summary>
/// A throw-away data folder with payments synced into it from generated department files, the way the
/// indexer does it. Tests point the hosts at <see cref="DataDirectory"/> with <see cref="HmacKey"/>.
/// </summary>
public sealed class SampleData : IDisposable
{
    private readonly Func<IPartitionStore>? _openStore;
    private readonly TimeProvider _clock;

    /// <summary>A fixed test key (32 bytes); never used outside tests.</summary>
    public static readonly string HmacKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static readonly RegionCatalog Regions = RegionCatalog.Load(Path.Combine(AppContext.BaseDirectory, "content", "regions"));
    public static readonly ServedArea Served = new(Regions, string.Join(',', SampleExport.CountyCodes));
    public static readonly FundCatalog Funds = FundCatalog.Load(Path.Combine(AppContext.BaseDirectory, "content", "funds.yaml"));

    /// <param name="openStore">Where syncs publish; the Lucene index in <see cref="IndexDirectory"/> by default.</param>
    /// <param name="clock">The day files are checked on (a file may not pay a month to come); today by default.</param>
    public SampleData(Func<IPartitionStore>? openStore = null, TimeProvider? clock = null)
    {
        _openStore = openStore;
        _clock = clock ?? TimeProvider.System;
        Root = Path.Combine(Path.GetTempPath(), "portal-test-" + Guid.NewGuid().ToString("N")[..12]);
        DataDirectory = Path.Combine(Root, "data");
        InputDirectory = Path.Combine(Root, "inbox");
        Directory.CreateDirectory(DataDirectory);
        Directory.CreateDirectory(InputDirectory);
    }

    public string Root { get; }
    public string DataDirectory { get; }
    public string InputDirectory { get; }
    public string IndexDirectory => new PortalOptions { DataDirectory = DataDirectory }.PaymentIndexDirectory;
    public List<SampleRow> Rows { get; } = [];
    public OwnerKey Owners { get; } = new(Convert.FromBase64String(HmacKey));

    /// <summary>Seals recipients' identities for supervision with the test report keys, as a publishing sync does.</summary>
    public Portal.Core.Supervision.SubjectIdentity Identities { get; } = new(new Portal.Core.Reports.ReportCipher(ReportSecrets.Keys, ReportSecrets.KeyId));

    /// <summary>Generates people in a county (杞县 by default), writes their rows as a department file and syncs it.</summary>
    public FileSyncResult AddCounty(string countyCode = "410221", int people = 200, int months = 3, string[]? funds = null,
        SampleFormat format = SampleFormat.Utf8Csv, int seed = 7)
    {
        var sample = new SampleExport(Regions, Funds, seed);
        var county = Regions.Find(countyCode)!;
        var rows = sample.Rows(sample.People(county, people), sample.Funds(funds ?? ["rural-dibao", "elderly-allowance", "disability-living"]), SampleExport.RecentMonths(months, _clock)).ToList();
        var path = Path.Combine(InputDirectory, $"{county.Name}-{seed}.{(format == SampleFormat.Xlsx ? "xlsx" : "csv")}");
        sample.Write(path, county, rows, format, $"{county.Name}惠民资金发放花名册");
        Rows.AddRange(rows);
        return Sync(path);
    }

    public FileSyncResult Sync(string path, SyncSettings? settings = null, string? reportPath = null)
    {
        var validation = new ExportValidation(Regions, Funds, Owners, _clock, Identities);
        using var sync = new PartitionSync(validation, OpenStore, DataDirectory);
        var result = sync.Run(path, settings ?? new SyncSettings(), reportPath, dryRun: false);
        sync.Commit();
        return result;
    }

    public IPartitionStore OpenStore() => _openStore?.Invoke() ?? new LucenePaymentWriter(IndexDirectory, Regions);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
