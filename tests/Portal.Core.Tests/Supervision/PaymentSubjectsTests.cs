using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Supervision;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Supervision;

/// <summary>Payment subjects follow what is published: a sync's changed partitions, a withdrawal; each with its source row and sealed identity.</summary>
public class PaymentSubjectsTests
{
    private static readonly string Zhang = ExportFiles.Id(1);
    private static readonly string Li = ExportFiles.Id(2);

    [Fact]
    public async Task A_sync_keeps_each_published_payment_with_its_source_row_and_an_identity_only_its_payment_id_opens()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await PublishesItsPaymentsAsSubjects(world);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_a_sync_keeps_each_published_payment_with_its_source_row_and_sealed_identity()
    {
        await using var world = await SupervisionWorld.CreateAsync(new DatabaseOptions { Provider = "postgres", ConnectionString = TestServers.CreatePostgresDatabase() });
        await PublishesItsPaymentsAsSubjects(world);
    }

    private static async Task PublishesItsPaymentsAsSubjects(SupervisionWorld world)
    {
        var (sync, _) = await world.PublishAsync(
            ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"),
            ExportFiles.Row(2, "李四", Li, amount: "612.50", period: "2026-05"));

        var subjects = await world.Db.PaymentSubjects.AsNoTracking().OrderBy(s => s.SourceRow).ToListAsync();
        Assert.Equal(2, subjects.Count);
        var zhang = subjects[0];
        var published = sync.Validation.Payments.Single(p => p.RowNumber == zhang.SourceRow);
        // Title, unit line and header above the data: the first payment is line 4, as the rejection report counts it.
        Assert.Equal((4, sync.Validation.FileName), (zhang.SourceRow, zhang.SourceFile));
        Assert.Equal(("410221", "410221101201", "rural-dibao", 202605), (zhang.CountyCode, zhang.VillageCode, zhang.FundCode, zhang.Period));
        Assert.Equal((PaymentIndexRules.PublicId(published), "张*明", 580m, "杞县民政局"), (zhang.PaymentId, zhang.MaskedName, zhang.Amount, zhang.Department));
        Assert.Equal(612.50m, subjects[1].Amount);
        Assert.Equal(world.Data.Owners.ForIdNumber(Zhang), zhang.PersonKey);
        Assert.Equal(new RecipientIdentity("张三明", Zhang), world.Data.Identities.Open(zhang.PaymentId, zhang.SealedIdentity));
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => world.Data.Identities.Open(subjects[1].PaymentId, zhang.SealedIdentity));
    }

    [Fact]
    public async Task A_corrected_file_replaces_the_subjects_of_its_partitions_and_leaves_other_months_alone()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-04"), ExportFiles.Row(2, "李四", Li, period: "2026-04"));
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"), ExportFiles.Row(2, "李四", Li, period: "2026-05"));

        var (corrected, _) = await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, amount: "600.00", period: "2026-05"));

        var may = await world.Db.PaymentSubjects.AsNoTracking().Where(s => s.Period == 202605).ToListAsync();
        Assert.Equal((600m, corrected.Validation.FileName), (Assert.Single(may).Amount, may[0].SourceFile));
        Assert.Equal(2, await world.Db.PaymentSubjects.CountAsync(s => s.Period == 202604));
    }

    [Fact]
    public async Task The_same_file_again_changes_no_partition_and_keeps_the_subjects_it_had()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var path = world.Files.Csv("may.csv", [ExportFiles.Row(1, "张三明", Zhang, period: "2026-05")]);
        await world.Subjects.RecordSyncAsync([world.Data.Sync(path)]);
        var before = await world.Db.PaymentSubjects.AsNoTracking().SingleAsync();

        Assert.Null(await world.Subjects.RecordSyncAsync([world.Data.Sync(path)]));

        Assert.Equal(before.Id, (await world.Db.PaymentSubjects.AsNoTracking().SingleAsync()).Id);
    }

    [Fact]
    public async Task Two_files_of_one_run_changing_one_partition_leave_the_later_files_payments()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var first = world.Data.Sync(world.Files.Csv("first.csv", [ExportFiles.Row(1, "张三明", Zhang, period: "2026-05")]));
        var second = world.Data.Sync(world.Files.Csv("second.csv", [ExportFiles.Row(1, "李四", Li, period: "2026-05")]));

        var run = await world.Subjects.RecordSyncAsync([first, second]);

        var subject = await world.Db.PaymentSubjects.AsNoTracking().SingleAsync();
        Assert.Equal(("second.csv", world.Data.Owners.ForIdNumber(Li)), (subject.SourceFile, subject.PersonKey));
        Assert.Equal(1, run!.Checked);
    }

    [Fact]
    public async Task A_withdrawal_deletes_the_subjects_of_its_partition_only()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-04"), ExportFiles.Row(2, "李四", Li, period: "2026-05"));

        var result = await world.Withdrawal.WithdrawAsync("410221101201", "rural-dibao", "2026-05", "名单有误，核实后重新公开", null);

        Assert.Null(result.Problem);
        Assert.Equal(202604, (await world.Db.PaymentSubjects.AsNoTracking().SingleAsync()).Period);
    }

    [Fact]
    public void The_person_key_is_the_id_number_alone_and_is_never_equal_to_the_owner_or_name_hash()
    {
        var owners = new Portal.Core.Privacy.OwnerKey(Convert.FromBase64String(SampleData.HmacKey));

        Assert.Equal(owners.ForIdNumber(Zhang), owners.ForIdNumber(" " + Zhang.ToLowerInvariant() + " "));
        Assert.NotEqual(owners.ForIdNumber(Zhang), owners.ForIdNumber(Li));
        Assert.NotEqual(owners.ForIdNumber(Zhang), owners.For("", Zhang));
        Assert.NotEqual(owners.ForIdNumber(Zhang), owners.ForName(Zhang));
    }
}
