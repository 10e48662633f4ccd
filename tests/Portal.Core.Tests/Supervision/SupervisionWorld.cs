using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Database;
using Portal.Core.Ingest;
using Portal.Core.Publication;
using Portal.Core.Supervision;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Supervision;

/// <summary>
/// Payments synced into a throw-away index and recorded as payment subjects, reference lists imported, the rules run: all
/// over a real database (SQLite by default) on a clock at 2026-06-12.
/// </summary>
internal sealed class SupervisionWorld : IAsyncDisposable
{
    public static readonly RuleCards Cards = RuleCards.Load(Path.Combine(AppContext.BaseDirectory, "content", "supervision", "rules.yaml"), SampleData.Funds);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 12, 2, 0, 0, TimeSpan.Zero));
    public SampleData Data { get; }
    public ExportFiles Files { get; } = new();
    public PortalDb Db { get; }
    private readonly DatabaseOptions _database;

    private SupervisionWorld(DatabaseOptions database)
    {
        Data = new SampleData(clock: Clock);
        _database = database;
        Db = DatabaseRegistration.Create(database, new PortalOptions { DataDirectory = Data.DataDirectory });
    }

    public static async Task<SupervisionWorld> CreateAsync(DatabaseOptions? database = null)
    {
        var world = new SupervisionWorld(database ?? new DatabaseOptions());
        await world.Db.Database.MigrateAsync();
        return world;
    }

    /// <summary>Another connection to the same database, as a second process holds one, with interceptors that watch its commands.</summary>
    public PortalDb AnotherConnection(params IInterceptor[] interceptors) => _database.IsPostgres
        ? new PostgresPortalDb(new DbContextOptionsBuilder<PostgresPortalDb>().UseNpgsql(_database.ConnectionString, o => o.EnableRetryOnFailure())
            .AddInterceptors(interceptors).Options)
        : new SqlitePortalDb(new DbContextOptionsBuilder<SqlitePortalDb>().UseSqlite(_database.SqliteConnectionString(new PortalOptions { DataDirectory = Data.DataDirectory }))
            .AddInterceptors([new SqlitePragmas(), .. interceptors]).Options);

    public ClueFinder Finder => new(Db, Cards, Clock);
    public PaymentSubjects Subjects => new(Db, Finder);
    public ReferenceImporter Importer(int maxRows = ReferenceImporter.MaxRows) => new(Db, Data.Owners, SampleData.Regions, Finder, new Portal.Core.Offices.OfficeRegion(Offices.OfficeTreeTests.Default()), Clock, maxRows);
    public PartitionWithdrawal Withdrawal => new(Data.OpenStore, new PublicationLedger(Db, SampleData.Funds, Clock), SampleData.Regions, SampleData.Funds, Subjects);

    /// <summary>Syncs rows of the standard layout (<see cref="ExportFiles.Row"/>) and records them as a publishing sync does.</summary>
    public async Task<(FileSyncResult Sync, ClueRun? Run)> PublishAsync(params string[] rows)
    {
        var result = Data.Sync(Files.Csv($"payments-{Guid.NewGuid():N}.csv", rows, title: "杞县惠民资金发放花名册"));
        return (result, await Subjects.RecordSyncAsync([result]));
    }

    /// <summary>A reference list as a CSV with a title row above its header.</summary>
    public string List(string header, params string[] rows)
    {
        var path = Path.Combine(Files.Directory, $"list-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join("\r\n", ["比对名单", header, .. rows]) + "\r\n", new UTF8Encoding(true));
        return path;
    }

    public Task<ReferenceImportResult> ImportAsync(ReferenceKind kind, string path, string county = "410221") =>
        Importer().ImportAsync(path, kind, county, "测试");

    public Task<List<Clue>> CluesAsync() => Db.Clues.AsNoTracking().OrderBy(c => c.Id).ToListAsync();

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        if (_database.IsPostgres) TestServers.DropPostgresDatabase(_database.ConnectionString);
        Data.Dispose();
        Files.Dispose();
    }
}
