using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Database;
using Portal.Core.Payments;
using Portal.Core.Payments.Lucene;
using Portal.Core.Publication;
using Portal.Tests;

namespace Portal.Indexer.Tests;

/// <summary>`sync` writes the publication ledger with the department it names; `withdraw` takes a partition down with a reason.</summary>
public sealed class WithdrawCommandTests : IDisposable
{
    private readonly SampleData _data = new();

    public void Dispose() => _data.Dispose();

    private async Task<List<PublicationEvent>> Ledger()
    {
        await using var db = DatabaseRegistration.Create(new DatabaseOptions(), new PortalOptions { DataDirectory = _data.DataDirectory });
        return await db.PublicationEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private async Task<PublicPayment> AnyPublished()
    {
        using var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        return (await index.SearchAsync(new PaymentQuery { RegionCode = "410221" })).Items[0];
    }

    private async Task<long> Count(PublicPayment p)
    {
        using var index = new LucenePaymentIndex(_data.IndexDirectory, SampleData.Funds, TimeProvider.System);
        return (await index.SearchAsync(new PaymentQuery { RegionCode = p.VillageCode, FundCode = p.FundCode, Period = p.Period })).TotalCount;
    }

    [Fact]
    public async Task Sync_records_what_it_published_by_the_department_named_and_withdraw_takes_a_partition_down_with_its_reason()
    {
        var dir = Path.Combine(_data.InputDirectory, "sample");
        Assert.Equal(0, IndexerProcess.Run(_data, ["sample", "--out", dir, "--rows", "300", "--counties", "410221", "--months", "2"]).ExitCode);
        var synced = IndexerProcess.Run(_data, "sync", dir, "--department", "杞县民政局", "--json");
        Assert.Equal(0, synced.ExitCode);
        var ledger = await Ledger();
        Assert.NotEmpty(ledger);
        Assert.All(ledger, e => Assert.Equal((PublicationKind.Published, "杞县民政局"), (e.Kind, e.Department)));
        Assert.Equal(300, ledger.Sum(e => e.Rows));

        var payment = await AnyPublished();
        var args = new[] { "withdraw", "--village", payment.VillageCode, "--fund", payment.FundCode, "--period", payment.Period.ToString() };
        var refused = IndexerProcess.Run(_data, args);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("请填写撤回理由", refused.Error);
        Assert.True(await Count(payment) > 0);

        var withdrawn = IndexerProcess.Run(_data, [.. args, "--reason", "发放名单有误，核实后重新公开", "--department", "杞县民政局"]);
        Assert.Equal(0, withdrawn.ExitCode);
        Assert.Contains("已撤回", withdrawn.Output);
        Assert.Equal(0, await Count(payment));
        var last = (await Ledger())[^1];
        Assert.Equal((PublicationKind.Withdrawn, "发放名单有误，核实后重新公开", payment.VillageCode), (last.Kind, last.Reason, last.VillageCode));

        var again = IndexerProcess.Run(_data, [.. args, "--reason", "发放名单有误"]);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("没有公开的数据，无需撤回", again.Error);
    }

    [PostgresFact]
    public async Task Sync_against_a_PostgreSQL_schema_older_than_the_code_is_refused_before_anything_is_published()
    {
        var dir = Path.Combine(_data.InputDirectory, "sample");
        Assert.Equal(0, IndexerProcess.Run(_data, ["sample", "--out", dir, "--rows", "50", "--counties", "410221", "--months", "1"]).ExitCode);
        var database = TestServers.CreatePostgresDatabase();
        try
        {
            var start = IndexerProcess.StartInfo(_data, ["sync", dir]);
            start.Environment["Portal__Database__Provider"] = "postgres";
            start.Environment["Portal__Database__ConnectionString"] = database;
            using var process = System.Diagnostics.Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)));
            await output;

            Assert.NotEqual(0, process.ExitCode);
            Assert.Contains("portal-indexer db migrate", error);
            Assert.False(Directory.Exists(_data.IndexDirectory) && Directory.EnumerateFiles(_data.IndexDirectory, "segments*").Any(), "nothing was published");
        }
        finally { TestServers.DropPostgresDatabase(database); }
    }
}
