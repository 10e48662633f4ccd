using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Core.Tests.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Offices;

/// <summary>A database from before offices: after the migration its accounts and reports belong to the top office and every report still opens.</summary>
public sealed class OfficesMigrationTests
{
    [Fact]
    public Task An_existing_SQLite_database_keeps_every_report_readable() => MigrateAnExistingDatabaseAsync(postgres: false);

    [PostgresFact]
    public Task An_existing_PostgreSQL_database_keeps_every_report_readable() => MigrateAnExistingDatabaseAsync(postgres: true);

    private static async Task MigrateAnExistingDatabaseAsync(bool postgres)
    {
        await using var h = await ReportsHarness.StartAsync(postgres, azurite: false);
        var staff = await h.StaffAsync("laozhanghu", StaffRoles.Intake);
        var named = await h.FileAsync(ReportsHarness.Named());
        var anonymous = await h.FileAsync(ReportsHarness.Anonymous());
        await BeforeOfficesAsync(h, async db =>
        {
            // An official filed as 省部级 (0) before the levels were 12388's five.
            await db.Database.ExecuteSqlRawAsync("UPDATE reports SET \"Level\" = 0 WHERE \"ReceiptNumber\" = {0}", anonymous.ReceiptNumber);
        });

        await h.Services.PrepareDatabaseOrMigrateAsync();

        var reports = await h.With(sp => sp.GetRequiredService<PortalDb>().Reports.AsNoTracking().Select(r => new { r.Id, r.ReceiptNumber, r.OfficeCode, r.Level, r.SubmittedAt, r.ReceivedAt }).ToListAsync());
        var eventOffices = await h.With(sp => sp.GetRequiredService<PortalDb>().ReportEvents.AsNoTracking().Select(e => e.OfficeCode).ToListAsync());
        var account = await h.With(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.AsNoTracking().SingleAsync(a => a.Id == staff.Id));
        var city = staff with { Office = account.OfficeCode };
        Assert.Equal("4102", account.OfficeCode);
        Assert.All(reports, r => Assert.Equal("4102", r.OfficeCode));
        Assert.All(reports, r => Assert.Equal(r.SubmittedAt, r.ReceivedAt));
        Assert.Equal(["4102", "4102"], eventOffices);
        Assert.Equal(OfficialLevel.DepartmentalAndAbove, reports.Single(r => r.ReceiptNumber == anonymous.ReceiptNumber).Level);
        foreach (var report in reports)
        {
            var opened = await h.With(sp => sp.GetRequiredService<ReportQueue>().OpenAsync(report.Id, city));
            Assert.False(opened!.ReadOnly);
            Assert.Equal(report.Level, opened.Content.Person.Level);
        }
        Assert.Equal("开封市纪委监委", (await h.LookupAsync(named.QueryCode))!.Office.Name);
        Assert.Equal("镇干部吃拿卡要", (await h.LookupAsync(anonymous.QueryCode))!.Title);
        Assert.Null(await h.With(sp => sp.GetRequiredService<ReportHandling>().AcceptAsync(reports[0].Id, city, new StaffStep(null, null))));
    }

    /// <summary>Takes the database back to the migration before offices, then lets the test change what an older Portal stored.</summary>
    private static Task BeforeOfficesAsync(ReportsHarness h, Func<PortalDb, Task> change) => h.With(async sp =>
    {
        var db = sp.GetRequiredService<PortalDb>();
        var migrations = db.Database.GetMigrations().ToList();
        var offices = migrations.FindIndex(m => m.EndsWith("_Offices", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[offices - 1]);
        Assert.Contains(migrations[offices], await db.Database.GetPendingMigrationsAsync());
        await change(db);
        return 0;
    });
}
