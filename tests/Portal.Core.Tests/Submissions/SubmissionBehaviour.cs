using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Portal.Core.Tests.Ingest;
using Portal.Core.Tests.Reports;
using Portal.Tests;
using static Portal.Core.Tests.Submissions.SubmissionFiles;

namespace Portal.Core.Tests.Submissions;

/// <summary>
/// A department's clerk uploads; the file waits in the queue; a worker in any host applies it through the same path as
/// `sync`, one file at a time, and leaves a record that is never changed. Run on SQLite always, and on PostgreSQL when
/// ./test.sh has started it.
/// </summary>
public abstract class SubmissionBehaviour : IDisposable
{
    private readonly ExportFiles _files = new();

    protected abstract Task<ReportsHarness> StartAsync();

    private string Csv(string name, IEnumerable<string> rows) => _files.Csv(name, rows, title: Title);

    [Fact]
    public virtual async Task An_upload_is_published_by_the_worker_and_its_record_says_who_what_when_and_how_many()
    {
        await using var h = await StartAsync();
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var path = Csv("城市低保8月.csv", Rows(5));

        var queued = await UploadAsync(h, clerk, path);
        Assert.Equal(SubmissionStatus.Queued, queued.Status);
        await DrainAsync(h);

        var record = await RecordAsync(h, queued.Id);
        Assert.Equal(SubmissionStatus.Finished, record.Status);
        Assert.Equal(("杞县民政局", "qixian.minzheng同志", SubmissionChannel.Web, "城市低保8月.csv", false), (record.DepartmentName, record.SubmittedBy, record.Channel, record.FileName, record.DryRun));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), record.Sha256);
        Assert.Equal((5, 5, 0, 2900.00m, 1), (record.RowsRead, record.RowsPublished, record.RowsRejected, record.Amount, record.PartitionsChanged));
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime, record.FinishedAt);
        Assert.Equal(5, (await PublishedAsync(h)).TotalCount);
        Assert.Null(record.Error);
        // The public record (公开情况) names the department that published.
        using (var scope = h.Services.CreateScope())
        {
            var published = Assert.Single(await scope.ServiceProvider.GetRequiredService<PortalDb>().PublicationEvents.ToListAsync());
            Assert.Equal(("杞县民政局", Portal.Core.Publication.PublicationKind.Published, 5), (published.Department, published.Kind, published.Rows));
        }
        // The upload itself is not kept once it is processed.
        Assert.Null(record.SpoolName);
        Assert.Empty(await SpooledAsync(h));
    }

    [Fact]
    public virtual async Task Only_checking_publishes_nothing_and_reports_what_would_be_published()
    {
        await using var h = await StartAsync();
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));

        var queued = await UploadAsync(h, clerk, Csv("城市低保8月.csv", Rows(4)), dryRun: true);
        await DrainAsync(h);

        var record = await RecordAsync(h, queued.Id);
        Assert.Equal((SubmissionStatus.Finished, true, 4, 4, 0), (record.Status, record.DryRun, record.RowsRead, record.RowsPublished, record.PartitionsChanged));
        Assert.Equal(0, (await PublishedAsync(h)).TotalCount);
    }

    [Fact]
    public virtual async Task A_file_for_another_county_is_refused_whole_and_the_next_queued_file_still_runs()
    {
        await using var h = await StartAsync();
        var qixian = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var weishi = Csv("尉氏县.csv", [ExportFiles.Row(1, "张三", ExportFiles.Id(1), fund: "城市低保", period: "2026-08", township: "洧川镇", village: "洧川南街村", code: "410223101200")]);
        var corrupt = Path.Combine(_files.Directory, "损坏.xlsx");
        File.WriteAllBytes(corrupt, Encoding.ASCII.GetBytes("PK\u0003\u0004 this is not a workbook"));

        var refused = await UploadAsync(h, qixian, weishi);
        var broken = await UploadAsync(h, qixian, corrupt);
        var good = await UploadAsync(h, qixian, Csv("城市低保8月.csv", Rows(3)));
        await DrainAsync(h);

        var first = await RecordAsync(h, refused.Id);
        Assert.Equal(SubmissionStatus.Failed, first.Status);
        Assert.Equal("本账号（杞县民政局）只能报送 杞县 的 农村低保、城市低保、特困人员供养、临时救助；此文件含 尉氏县 的数据，未公开任何数据。", first.Error);
        var second = await RecordAsync(h, broken.Id);
        Assert.Equal(SubmissionStatus.Failed, second.Status);
        Assert.StartsWith("损坏.xlsx：", second.Error);
        Assert.Equal(SubmissionStatus.Finished, (await RecordAsync(h, good.Id)).Status);
        Assert.Equal(3, (await PublishedAsync(h)).TotalCount);
    }

    [Fact]
    public virtual async Task The_kept_rejections_show_masked_values_only_never_a_full_name_or_ID_number()
    {
        await using var h = await StartAsync();
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var badId = ExportFiles.Id(7)[..17] + (ExportFiles.Id(7)[17] == '1' ? '2' : '1');
        var twice = ExportFiles.Row(4, "司马光明", ExportFiles.Id(9), fund: "城市低保", period: "2026-08");
        var path = Csv("有错.csv", [.. Rows(2), ExportFiles.Row(3, "欧阳娜娜", badId, fund: "城市低保", period: "2026-08"), twice, twice]);
        // The file itself holds them, so their absence below is the record's doing.
        Assert.Contains(badId, File.ReadAllText(path));
        Assert.Contains("司马光明", File.ReadAllText(path));

        var queued = await UploadAsync(h, clerk, path);
        await DrainAsync(h);

        var record = await RecordAsync(h, queued.Id);
        Assert.True(record.RowsRejected >= 2, record.Rejections);
        Assert.DoesNotContain(badId, record.Rejections);
        Assert.DoesNotContain("欧阳娜娜", record.Rejections);
        Assert.DoesNotContain("司马光明", record.Rejections);
        var kept = SubmissionRejections.Read(record);
        Assert.Contains(kept, r => r.Rule == "身份证号无效" && r.Message.Contains("410221********", StringComparison.Ordinal));
        Assert.Contains(kept, r => r.Rule == "重复发放" && r.Message.StartsWith("司", StringComparison.Ordinal) && r.Message.Contains('*'));
    }

    [Fact]
    public virtual async Task A_finished_record_cannot_be_changed_or_deleted()
    {
        await using var h = await StartAsync();
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var queued = await UploadAsync(h, clerk, Csv("城市低保8月.csv", Rows(2)));
        await DrainAsync(h);

        var update = await Record.ExceptionAsync(() => h.With(sp => sp.GetRequiredService<PortalDb>().Submissions.ExecuteUpdateAsync(s => s.SetProperty(x => x.RowsPublished, 0))));
        var delete = await Record.ExceptionAsync(() => h.With(sp => sp.GetRequiredService<PortalDb>().Submissions.ExecuteDeleteAsync()));

        Assert.NotNull(update);
        Assert.NotNull(delete);
        Assert.Contains("append-only", update.ToString());
        Assert.Equal(2, (await RecordAsync(h, queued.Id)).RowsPublished);
    }

    [Fact]
    public virtual async Task While_one_worker_applies_a_file_no_other_worker_starts_one()
    {
        await using var h = await StartAsync();
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var queued = await UploadAsync(h, clerk, Csv("城市低保8月.csv", Rows(2)));
        // Another host's worker has the turn.
        Assert.Equal(1, await h.With(sp => sp.GetRequiredService<PortalDb>().SubmissionLeases
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "other-host").SetProperty(l => l.Until, h.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)))));

        Assert.False(await h.Services.GetRequiredService<SubmissionWorker>().ProcessNextAsync());
        Assert.Equal(SubmissionStatus.Queued, (await RecordAsync(h, queued.Id)).Status);

        await h.With(sp => sp.GetRequiredService<PortalDb>().SubmissionLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null)));
        await DrainAsync(h);
        Assert.Equal(SubmissionStatus.Finished, (await RecordAsync(h, queued.Id)).Status);
    }

    [Fact]
    public virtual async Task Two_uploads_for_the_same_partition_at_once_are_applied_one_after_the_other_and_neither_by_halves()
    {
        await using var h = await StartAsync();
        var first = await ClerkAsync(h, "qixian.a", await DepartmentAsync(h));
        var second = await ClerkAsync(h, "qixian.b", await h.With(sp => sp.GetRequiredService<Departments>().FindByNameAsync("杞县民政局"))!.ContinueWith(t => t.Result!));
        var uploads = await Task.WhenAll(
            UploadAsync(h, first, Csv("甲.csv", Rows(6, amount: "500.00"))),
            UploadAsync(h, second, Csv("乙.csv", Rows(4, first: 20, amount: "700.00"))));
        var hosts = new[] { h.Services, h.AnotherInstance(), h.AnotherInstance() };

        // Three hosts' workers at once, each until the queue is empty.
        await Task.WhenAll(hosts.Select(sp => Task.Run(async () =>
        {
            var worker = sp.GetRequiredService<SubmissionWorker>();
            while (await worker.ProcessNextAsync() || await h.With(s => s.GetRequiredService<PortalDb>().Submissions.AnyAsync(x => x.Status != SubmissionStatus.Finished))) { }
        })));

        foreach (var upload in uploads) Assert.Equal(SubmissionStatus.Finished, (await RecordAsync(h, upload.Id)).Status);
        var later = uploads.MaxBy(u => u.Id)!;
        var published = await PublishedAsync(h);
        // The partition holds the later file whole: its rows, its amounts, nothing of the earlier one.
        Assert.Equal(later.FileName == "甲.csv" ? (6, 3000m) : (4, 2800m), (published.TotalCount, published.TotalAmount));
        foreach (var other in hosts.Skip(1)) await ((ServiceProvider)other).DisposeAsync();
    }

    [Fact]
    public virtual async Task A_file_left_running_by_a_worker_that_died_is_marked_failed_and_the_queue_goes_on()
    {
        await using var h = await StartAsync();
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var stuck = await UploadAsync(h, clerk, Csv("大文件.csv", Rows(2)));
        var next = await UploadAsync(h, clerk, Csv("城市低保8月.csv", Rows(3, first: 10)));
        await h.With(async sp =>
        {
            var db = sp.GetRequiredService<PortalDb>();
            await db.Submissions.Where(s => s.Id == stuck.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubmissionStatus.Running));
            return await db.SubmissionLeases.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, "dead-host").SetProperty(l => l.Until, h.Clock.GetUtcNow().UtcDateTime.AddMinutes(2)));
        });
        Assert.False(await h.Services.GetRequiredService<SubmissionWorker>().ProcessNextAsync());

        h.Clock.Advance(TimeSpan.FromMinutes(3));
        await DrainAsync(h);

        var failed = await RecordAsync(h, stuck.Id);
        Assert.Equal((SubmissionStatus.Failed, SubmissionWorker.Interrupted), (failed.Status, failed.Error));
        Assert.Equal(SubmissionStatus.Finished, (await RecordAsync(h, next.Id)).Status);
    }

    [Fact]
    public virtual async Task A_file_over_the_size_limit_is_refused_in_Chinese_and_nothing_is_queued()
    {
        await using var h = await StartAsync();
        var clerk = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        // A host whose limit is 1 MB, so that the test need not send 50.
        await using var small = h.AnotherInstance(new Dictionary<string, string?> { ["Portal:Submissions:MaxFileBytes"] = "1048576" });
        using var scope = small.CreateScope();

        var (submission, problem) = await scope.ServiceProvider.GetRequiredService<SubmissionQueue>()
            .SubmitAsync(clerk, "很大.csv", new MemoryStream(new byte[1048577]), dryRun: false);

        Assert.Null(submission);
        Assert.Equal("很大.csv：文件超过 1 MB 的上限，未公开任何数据。请按乡镇或月份拆分后分别上传。", problem);
        Assert.Equal(0, await h.With(sp => sp.GetRequiredService<PortalDb>().Submissions.CountAsync()));
        Assert.Empty(await SpooledAsync(h));
    }

    [Fact]
    public virtual async Task A_clerk_without_a_department_or_another_role_cannot_upload_and_a_clerk_reads_only_their_departments_records()
    {
        await using var h = await StartAsync();
        var qixian = await ClerkAsync(h, "qixian.minzheng", await DepartmentAsync(h));
        var weishi = await ClerkAsync(h, "weishi.minzheng", await DepartmentAsync(h, "尉氏县民政局", "410223"));
        var press = await h.StaffAsync("xuanchuan", StaffRoles.Press);
        var auditor = await h.StaffAsync("jiwei.shenji", StaffRoles.Auditor);
        var (none, refusal) = await h.With(sp => sp.GetRequiredService<StaffAccounts>().CreateAsync("no.department", "无部门", "staff-password-123", StaffRoles.Submitter, by: null));
        var queued = await UploadAsync(h, qixian, Csv("城市低保8月.csv", Rows(1)));

        Assert.Null(none);
        Assert.Equal("数据报送账号须选择所属部门（部门由管理员在“报送部门”中添加）。", refusal);
        Assert.Equal("只有数据报送账号可以上传数据。", (await h.With(sp => sp.GetRequiredService<SubmissionQueue>().SubmitAsync(press, "a.csv", new MemoryStream(), false))).Problem);
        Assert.Equal(1, (await h.With(sp => sp.GetRequiredService<SubmissionQueue>().ListAsync(qixian, 1))).Total);
        Assert.Equal(0, (await h.With(sp => sp.GetRequiredService<SubmissionQueue>().ListAsync(weishi, 1))).Total);
        Assert.Null(await h.With(sp => sp.GetRequiredService<SubmissionQueue>().FindAsync(weishi, queued.Id)));
        Assert.Null(await h.With(sp => sp.GetRequiredService<SubmissionQueue>().FindAsync(press, queued.Id)));
        Assert.NotNull(await h.With(sp => sp.GetRequiredService<SubmissionQueue>().FindAsync(auditor, queued.Id)));
    }

    [Fact]
    public virtual async Task The_same_Idempotency_Key_sent_twice_at_once_makes_one_submission()
    {
        await using var h = await StartAsync();
        var department = await DepartmentAsync(h);
        var holder = new KeyHolder(department, (await h.With(sp => sp.GetRequiredService<DepartmentKeys>().CreateAsync(department, "低保系统对接"))).Key);
        var path = Csv("城市低保8月.csv", Rows(2));

        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => h.With(async sp =>
        {
            await using var file = File.OpenRead(path);
            return await sp.GetRequiredService<SubmissionQueue>().EnqueueAsync(
                new SubmissionSource(department, null, holder.Key.Id, holder.SubmittedBy, SubmissionChannel.Api, "retry-0123456789abcdef"), "城市低保8月.csv", file, dryRun: true);
        })));

        Assert.All(both, r => Assert.Null(r.Problem));
        Assert.Equal(both[0].Submission!.Id, both[1].Submission!.Id);
        Assert.Equal(1, await h.With(sp => sp.GetRequiredService<PortalDb>().Submissions.CountAsync()));
        Assert.Single(await SpooledAsync(h));
    }

    [Fact]
    public virtual async Task A_department_takes_only_county_codes_and_funds_of_the_catalogue_and_only_from_an_administrator()
    {
        await using var h = await StartAsync();
        var press = await h.StaffAsync("xuanchuan", StaffRoles.Press);
        Task<string?> AddAsync(string county, string fund, StaffActor? by = null) =>
            h.With(async sp => (await sp.GetRequiredService<Departments>().AddAsync("杞县民政局", [county], [fund], by)).Problem);

        Assert.Equal("“4102”不是有效的县级区划代码（6 位，如 410221）。", await AddAsync("4102", "rural-dibao"));
        Assert.StartsWith("资金“低保金”不在资金目录中（可用：", await AddAsync("410221", "低保金"));
        Assert.Equal("只有管理员可以添加报送部门。", await AddAsync("410221", "rural-dibao", press));
        Assert.Null(await AddAsync("410221", "农村低保"));
        Assert.Equal("已有名为“杞县民政局”的部门。", await AddAsync("410221", "rural-dibao"));
        Assert.Equal("rural-dibao", (await h.With(sp => sp.GetRequiredService<Departments>().FindByNameAsync("杞县民政局")))!.Funds);
    }

    public void Dispose() => _files.Dispose();
}

public sealed class SqliteSubmissionTests : SubmissionBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: false, azurite: false);
}
