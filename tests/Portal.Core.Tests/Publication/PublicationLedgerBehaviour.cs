using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Publication;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Publication;

/// <summary>The ledger as a sync and a withdrawal write it, over a real database (each provider by a subclass) and the embedded index.</summary>
public abstract class PublicationLedgerBehaviour : IAsyncLifetime
{
    private readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 12, 2, 0, 0, TimeSpan.Zero));
    private readonly SampleData _data;

    protected PublicationLedgerBehaviour() => _data = new SampleData(clock: Clock);
    private readonly ExportFiles _files = new();
    private PortalDb _db = null!;

    /// <summary>The database this suite runs on: a fresh one per test.</summary>
    protected abstract DatabaseOptions NewDatabase();

    protected virtual void DropDatabase(DatabaseOptions database) { }

    private DatabaseOptions _database = null!;

    public async Task InitializeAsync()
    {
        _database = NewDatabase();
        _db = DatabaseRegistration.Create(_database, new PortalOptions { DataDirectory = _data.DataDirectory });
        await _db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        DropDatabase(_database);
        _data.Dispose();
        _files.Dispose();
    }

    private PublicationLedger Ledger => new(_db, SampleData.Funds, Clock);

    private PartitionWithdrawal Withdrawal => new(_data.OpenStore, Ledger, SampleData.Regions, SampleData.Funds);

    private string May(params string[] rows) => _files.Csv($"may-{Guid.NewGuid():N}.csv", rows);

    private async Task<long> VillageCount(SampleData data, string fund = "rural-dibao")
    {
        using var index = new LucenePaymentIndex(data.IndexDirectory, SampleData.Funds, Clock);
        return (await index.SearchAsync(new PaymentQuery { RegionCode = "410221101201", FundCode = fund })).TotalCount;
    }

    [Fact]
    public virtual async Task A_sync_records_each_partition_it_published_with_its_rows_rejections_and_the_funds_department()
    {
        var result = _data.Sync(May(
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: "2026-05"),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), period: "2026-05"),
            ExportFiles.Row(3, "王五", "410221195603120000", period: "2026-05")));

        var events = await Ledger.RecordSyncAsync(result, department: null);

        var published = Assert.Single(events);
        Assert.Equal(("410221", "410221101201", "rural-dibao", 202605), (published.CountyCode, published.VillageCode, published.FundCode, published.Period));
        Assert.Equal(PublicationKind.Published, published.Kind);
        Assert.Equal((2, 1), (published.Rows, published.RowsRejected));
        Assert.Equal("民政", published.Department);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, published.At);
    }

    [Fact]
    public virtual async Task The_same_file_again_records_nothing_and_a_changed_file_is_a_correction_by_the_department_named()
    {
        var first = May(ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: "2026-05"));
        await Ledger.RecordSyncAsync(_data.Sync(first), null);
        Assert.Empty(await Ledger.RecordSyncAsync(_data.Sync(first), null));

        var corrected = await Ledger.RecordSyncAsync(_data.Sync(May(ExportFiles.Row(1, "张三明", ExportFiles.Id(1), "600", period: "2026-05"))), "杞县民政局");

        Assert.Equal((PublicationKind.Corrected, "杞县民政局"), (Assert.Single(corrected).Kind, corrected[0].Department));
    }

    [Fact]
    public virtual async Task A_withdrawal_takes_the_partition_off_the_index_and_records_its_reason_and_republishing_is_a_publication_again()
    {
        var file = May(ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: "2026-05"), ExportFiles.Row(2, "李四", ExportFiles.Id(2), period: "2026-05"));
        await Ledger.RecordSyncAsync(_data.Sync(file), null);
        Assert.Equal(2, await VillageCount(_data));

        var result = await Withdrawal.WithdrawAsync("410221101201", "农村低保", "2026-05", "发放名单有误，核实后重新公开", "杞县民政局");

        Assert.Null(result.Problem);
        Assert.Equal(0, await VillageCount(_data));
        Assert.Equal((PublicationKind.Withdrawn, "发放名单有误，核实后重新公开", 2), (result.Withdrawal!.Kind, result.Withdrawal.Reason, result.Withdrawal.Rows));
        var withdrawn = Assert.Single(await Ledger.WithdrawnAsync("410221101201", null, null));
        Assert.Equal(result.Withdrawal.Id, withdrawn.Id);

        var again = await Ledger.RecordSyncAsync(_data.Sync(file), null);
        Assert.Equal(PublicationKind.Published, Assert.Single(again).Kind);
        Assert.Empty(await Ledger.WithdrawnAsync("410221101201", null, null));
        Assert.Equal(2, await VillageCount(_data));
    }

    [Fact]
    public virtual async Task A_withdrawal_without_a_fit_reason_is_refused_in_Chinese_and_changes_nothing()
    {
        foreach (var (reason, message) in new (string?, string)[] { (null, "请填写撤回理由"), ("   ", "请填写撤回理由"), ("身份证号 410221195603120011 的人不符合条件", "不能包含身份证号") })
            await RefusedAsync(reason, message);
    }

    private async Task RefusedAsync(string? reason, string message)
    {
        await Ledger.RecordSyncAsync(_data.Sync(May(ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: "2026-05"))), null);

        var result = await Withdrawal.WithdrawAsync("410221101201", "rural-dibao", "2026-05", reason, null);

        Assert.Contains(message, result.Problem);
        Assert.Equal(1, await VillageCount(_data));
        Assert.Empty(await Ledger.WithdrawnAsync("410221101201", null, null));
    }

    [Fact]
    public virtual async Task The_record_marks_a_month_missing_from_Beijing_midnight_after_its_due_date_and_late_once_published()
    {
        await Ledger.RecordSyncAsync(_data.Sync(May(ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: "2026-04"))), null);
        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 15, 23, 59, 0, TimeSpan.FromHours(8)));
        Assert.DoesNotContain((await DibaoRecord()).Periods, p => p.Period.Code == "2026-05");

        Clock.SetUtcNow(new DateTimeOffset(2026, 6, 16, 0, 0, 0, TimeSpan.FromHours(8)));
        Assert.Equal(PeriodStatus.Missing, (await DibaoRecord()).Periods.Single(p => p.Period.Code == "2026-05").Status);

        await Ledger.RecordSyncAsync(_data.Sync(May(ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: "2026-05"))), null);
        var record = await DibaoRecord();
        Assert.Equal(PeriodStatus.Late, record.Periods.Single(p => p.Period.Code == "2026-05").Status);
        Assert.Equal(PeriodStatus.Late, record.Periods.Single(p => p.Period.Code == "2026-04").Status);
    }

    private async Task<FundRecord> DibaoRecord() => (await Ledger.RecordOfAsync("410221")).Single(f => f.Fund.Code == "rural-dibao");

    [Fact]
    public virtual async Task A_reason_longer_than_the_limit_and_a_partition_with_nothing_public_are_refused_with_what_to_do()
    {
        var tooLong = await Withdrawal.WithdrawAsync("410221101201", "rural-dibao", "2026-05", new string('误', WithdrawalReason.MaxLength + 1), null);
        Assert.Contains($"最多 {WithdrawalReason.MaxLength} 个字", tooLong.Problem);
        var nothing = await Withdrawal.WithdrawAsync("410221101201", "rural-dibao", "2026-04", "名单有误", null);
        Assert.Contains("没有公开的数据，无需撤回", nothing.Problem);
        var township = await Withdrawal.WithdrawAsync("410221101", "rural-dibao", "2026-05", "名单有误", null);
        Assert.Contains("12 位的村（社区）代码", township.Problem);
    }

    [Fact]
    public virtual async Task The_ledger_holds_no_name_or_id_number_of_the_file_it_records()
    {
        var rows = new[] { ("张三明", ExportFiles.Id(1)), ("欧阳娜娜", ExportFiles.Id(2)) };
        var path = May(rows.Select((r, i) => ExportFiles.Row(i + 1, r.Item1, r.Item2, period: "2026-05")).ToArray());
        // The check can see what it looks for: the file holds the names and numbers.
        var file = await File.ReadAllTextAsync(path);
        Assert.All(rows, r => { Assert.Contains(r.Item1, file); Assert.Contains(r.Item2, file); });

        await Ledger.RecordSyncAsync(_data.Sync(path), "杞县民政局");
        await Withdrawal.WithdrawAsync("410221101201", "rural-dibao", "2026-05", "名单有误，核实后重新公开", null);

        var stored = JsonSerializer.Serialize(await _db.PublicationEvents.AsNoTracking().ToListAsync(), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("杞县民政局", stored);
        foreach (var (name, id) in rows)
        {
            Assert.DoesNotContain(name, stored);
            Assert.DoesNotContain(name[..1] + "*", stored);
            Assert.DoesNotContain(id, stored);
            Assert.DoesNotContain(id[6..14], stored);
        }
    }
}

public sealed class SqlitePublicationLedgerTests : PublicationLedgerBehaviour
{
    protected override DatabaseOptions NewDatabase() => new();
}

public sealed class PostgresPublicationLedgerTests : PublicationLedgerBehaviour
{
    protected override DatabaseOptions NewDatabase() => TestServers.Postgres is null
        ? new DatabaseOptions() // the tests skip; InitializeAsync still runs
        : new DatabaseOptions { Provider = "postgres", ConnectionString = TestServers.CreatePostgresDatabase() };

    protected override void DropDatabase(DatabaseOptions database)
    {
        if (database.IsPostgres) TestServers.DropPostgresDatabase(database.ConnectionString);
    }

    [Fact]
    public void Every_ledger_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(PublicationLedgerBehaviour), GetType(), typeof(PostgresFactAttribute)));
    }

    [PostgresFact] public override Task A_sync_records_each_partition_it_published_with_its_rows_rejections_and_the_funds_department() => base.A_sync_records_each_partition_it_published_with_its_rows_rejections_and_the_funds_department();

    [PostgresFact] public override Task The_same_file_again_records_nothing_and_a_changed_file_is_a_correction_by_the_department_named() => base.The_same_file_again_records_nothing_and_a_changed_file_is_a_correction_by_the_department_named();

    [PostgresFact] public override Task A_withdrawal_takes_the_partition_off_the_index_and_records_its_reason_and_republishing_is_a_publication_again() => base.A_withdrawal_takes_the_partition_off_the_index_and_records_its_reason_and_republishing_is_a_publication_again();

    [PostgresFact] public override Task A_withdrawal_without_a_fit_reason_is_refused_in_Chinese_and_changes_nothing() => base.A_withdrawal_without_a_fit_reason_is_refused_in_Chinese_and_changes_nothing();

    [PostgresFact] public override Task A_reason_longer_than_the_limit_and_a_partition_with_nothing_public_are_refused_with_what_to_do() => base.A_reason_longer_than_the_limit_and_a_partition_with_nothing_public_are_refused_with_what_to_do();

    [PostgresFact] public override Task The_record_marks_a_month_missing_from_Beijing_midnight_after_its_due_date_and_late_once_published() => base.The_record_marks_a_month_missing_from_Beijing_midnight_after_its_due_date_and_late_once_published();

    [PostgresFact] public override Task The_ledger_holds_no_name_or_id_number_of_the_file_it_records() => base.The_ledger_holds_no_name_or_id_number_of_the_file_it_records();
}
