using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Exhibition;
using Portal.Core.Payments;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Core.Supervision;
using Portal.Tests;

namespace Portal.Core.Tests.Reports;

/// <summary>
/// The reports services as a host registers them, over a fresh database (SQLite file, or a new PostgreSQL
/// database) and a fresh blob container (folder, or Azurite), with a clock the test moves.
/// </summary>
public sealed class ReportsHarness : IAsyncDisposable
{
    public const string Password = "我的查询密码2026";
    private readonly string? _postgres;
    private readonly Func<IBlobStore, IBlobStore>? _watchBlobs;

    private ReportsHarness(SampleData data, ServiceProvider services, FakeTimeProvider clock, string? postgres, IReadOnlyDictionary<string, string?> settings,
        Func<IBlobStore, IBlobStore>? watchBlobs)
    {
        _watchBlobs = watchBlobs;
        Data = data;
        Services = services;
        Clock = clock;
        _postgres = postgres;
        Settings = settings;
    }

    public SampleData Data { get; }
    public ServiceProvider Services { get; private set; }
    public FakeTimeProvider Clock { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; private set; }
    public bool IsPostgres => _postgres is not null;

    /// <param name="watchBlobs">Wraps the attachment store, for a test that watches what reaches it.</param>
    public static async Task<ReportsHarness> StartAsync(bool postgres, bool azurite, Func<IBlobStore, IBlobStore>? watchBlobs = null)
    {
        var data = new SampleData();
        data.AddCounty("410221", people: 20, months: 1);
        var connection = postgres ? TestServers.CreatePostgresDatabase() : null;
        var settings = new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = data.DataDirectory,
            ["Portal:ContentDirectory"] = Path.Combine(AppContext.BaseDirectory, "content"),
            ["Portal:Lookup:HmacKey"] = SampleData.HmacKey,
            ["Portal:Database:Provider"] = postgres ? "postgres" : "sqlite",
            ["Portal:Database:ConnectionString"] = connection ?? "",
            ["Portal:Blobs:Provider"] = azurite ? "azure" : "file",
            ["Portal:Blobs:ConnectionString"] = azurite ? TestServers.RequireAzurite() : "",
            ["Portal:Blobs:ContainerPrefix"] = "t" + Guid.NewGuid().ToString("N")[..8] + "-",
        };
        foreach (var (key, value) in ReportSecrets.Settings) settings[key] = value;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero));
        var harness = new ReportsHarness(data, Build(settings, clock, watchBlobs), clock, connection, settings, watchBlobs);
        await harness.Services.PrepareDatabaseOrMigrateAsync();
        return harness;
    }

    /// <summary>Restarts the services with changed settings over the same database and blobs (a key rotation, a new rule).</summary>
    public async Task RestartAsync(IDictionary<string, string?> changes)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in changes) settings[key] = value;
        await Services.DisposeAsync();
        Settings = settings;
        Services = Build(settings, Clock, _watchBlobs);
    }

    /// <summary>A second instance of the hosts' services over the same database and blobs, as a second pod would be.</summary>
    public ServiceProvider AnotherInstance(IDictionary<string, string?>? changes = null)
    {
        var settings = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in changes ?? new Dictionary<string, string?>()) settings[key] = value;
        return Build(settings, Clock, _watchBlobs);
    }

    private static ServiceProvider Build(IDictionary<string, string?> settings, FakeTimeProvider clock, Func<IBlobStore, IBlobStore>? watchBlobs)
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddPortalCore();
        services.AddPaymentIndex();
        services.AddReports(configuration);
        services.AddExhibition();
        services.AddSubmissions();
        services.AddClueLedger();
        if (watchBlobs is not null)
            services.AddKeyedSingleton<IBlobStore>(ReportBlobs.Container, (sp, _) => watchBlobs(BlobStores.Create(
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BlobStorageOptions>>().Value, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value, ReportBlobs.Container)));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    public async Task<T> With<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    public Task<IntakeResult> SubmitAsync(ReportSubmission form, params IncomingFile[] files) =>
        With(sp => sp.GetRequiredService<ReportIntake>().SubmitAsync(form, files));

    public async Task<ReportReceipt> FileAsync(ReportSubmission form, params IncomingFile[] files)
    {
        var result = await SubmitAsync(form, files);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {e.Value}")));
        return result.Receipt!;
    }

    public Task<ProgressView?> LookupAsync(string code, string password = Password) =>
        With(sp => sp.GetRequiredService<ReportProgress>().LookupAsync(code, password));

    public Task<Report> StoredAsync(string receiptNumber) =>
        With(sp => sp.GetRequiredService<PortalDb>().Reports.AsNoTracking().SingleAsync(r => r.ReceiptNumber == receiptNumber));

    public IBlobStore Blobs => Services.GetRequiredKeyedService<IBlobStore>(ReportBlobs.Container);

    public async Task<List<BlobEntry>> BlobListAsync()
    {
        var list = new List<BlobEntry>();
        await foreach (var blob in Blobs.ListAsync("reports/")) list.Add(blob);
        return list;
    }

    /// <param name="office">杞县纪委监委 by default, where the sample reports (a 乡科级 cadre of 杞县) are routed.</param>
    public async Task<StaffActor> StaffAsync(string user, StaffRoles roles, string office = "410221")
    {
        var (account, problem) = await With(sp => sp.GetRequiredService<StaffAccounts>().CreateAsync(user, user + "同志", "staff-password-123", roles, by: null, office: office));
        Assert.True(account is not null, problem);
        return StaffActor.Of(account!);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgres is not null) TestServers.DropPostgresDatabase(_postgres);
        Data.Dispose();
    }

    public static ReportSubmission Named(string title = "村主任优亲厚友", string? facts = null, string? token = null) => new()
    {
        Anonymous = false,
        Reporter = new ReporterFields { Name = "赵秀英", IdNumber = "11010519491231002X", Phone = "139 0000 1234", Address = "杞县城关镇幸福路 8 号" },
        ReportedPerson = new ReportedPersonFields { Name = "王德发", Unit = "杞县城关镇史庄村村委会", Position = "村委会主任", Level = "乡科级及以下", Region = "410221" },
        Category = "违反群众纪律",
        Title = title,
        Content = facts ?? "王德发把不符合条件的亲属纳入农村低保，连续两年每月领取，村里贫困户反而没有评上，群众意见很大。",
        Password = Password,
        PasswordRepeat = Password,
        SubmissionToken = token,
    };

    public static ReportSubmission Anonymous(string title = "镇干部吃拿卡要", string? facts = null) => new()
    {
        Anonymous = true,
        ReportedPerson = new ReportedPersonFields { Name = "李某", Unit = "某某镇人民政府", Position = "副镇长", Level = "乡科级及以下", Region = "410221" },
        Category = "违反廉洁纪律",
        Title = title,
        Content = facts ?? "李某在危房改造补助审批中向农户索要好处费，每户两千元，不给就不签字，多名农户可以作证。",
        Password = Password,
    };

    /// <summary>An anonymous report about an official of a place and level, as the office routing reads them.</summary>
    public static ReportSubmission About(string place, string level, string title)
    {
        var form = Anonymous(title);
        form.ReportedPerson.Region = place;
        form.ReportedPerson.Level = level;
        return form;
    }

    public static IncomingFile Jpeg(string name = "花名册.jpg", int size = 4096, byte fill = 0x42)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, fill);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF;
        return new IncomingFile(name, bytes.Length, () => new MemoryStream(bytes));
    }
}

internal static class HarnessDatabase
{
    /// <summary>The tests migrate both providers the way <c>portal-indexer db migrate</c> does.</summary>
    public static async Task PrepareDatabaseOrMigrateAsync(this IServiceProvider services)
    {
        using var scope = services.CreateScope();
        await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PortalDb>(), Path.Combine(AppContext.BaseDirectory, "content"), scope.ServiceProvider.GetRequiredService<ExhibitionMediaStore>(),
            scope.ServiceProvider.GetRequiredService<Portal.Core.Offices.OfficeTree>());
    }
}
