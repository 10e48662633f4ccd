using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Database;
using Portal.Core.Supervision;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Supervision;

/// <summary>A sync and a reference import finishing at the same moment both run the rules over the same payments: neither fails, each clue is recorded once.</summary>
public class ConcurrentClueRunsTests
{
    private const int People = 40;

    [Fact]
    public async Task Two_runs_at_the_same_moment_both_succeed_and_record_each_clue_once()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await BothRunsSucceedAndEachClueIsRecordedOnce(world);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_two_runs_at_the_same_moment_both_succeed_and_record_each_clue_once()
    {
        await using var world = await SupervisionWorld.CreateAsync(new DatabaseOptions { Provider = "postgres", ConnectionString = TestServers.CreatePostgresDatabase() });
        await BothRunsSucceedAndEachClueIsRecordedOnce(world);
    }

    private static async Task BothRunsSucceedAndEachClueIsRecordedOnce(SupervisionWorld world)
    {
        var ids = Enumerable.Range(1, People).Select(i => ExportFiles.Id(i)).ToList();
        await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", [.. ids.Select((id, i) => $"故人{i},{id},2026-03-31")]));
        world.Db.PaymentSubjects.AddRange(ids.Select((id, i) => new PaymentSubject
        {
            CountyCode = "410221", VillageCode = "410221101201", FundCode = "rural-dibao", Period = 202605, PaymentId = $"p{i:D4}",
            PersonKey = world.Data.Owners.ForIdNumber(id), MaskedName = "故*", Amount = 580m, Department = "杞县民政局", SourceFile = "2026-05低保.csv", SourceRow = i + 4,
        }));
        await world.Db.SaveChangesAsync();
        Assert.Empty(await world.CluesAsync());

        // Both runs have matched the same payments before either records a clue: the moment a sync and an import collide.
        var matched = new BothMatched();
        await using var first = world.AnotherConnection(matched);
        await using var second = world.AnotherConnection(matched);
        var runs = await Task.WhenAll(
            Task.Run(() => new ClueFinder(first, SupervisionWorld.Cards, world.Clock).RunAsync(ClueScope.All)),
            Task.Run(() => new ClueFinder(second, SupervisionWorld.Cards, world.Clock).RunAsync(ClueScope.All)));

        var clues = await world.CluesAsync();
        Assert.Equal(Enumerable.Range(0, People).Select(i => $"p{i:D4}"), clues.Select(c => c.PaymentId).Order());
        Assert.All(clues, c => Assert.Equal(("deceased", ClueState.Open), (c.RuleCode, c.State)));
        Assert.All(runs, run => Assert.Equal(clues.Select(c => c.Id), run.Clues.Select(c => c.Id)));
    }

    /// <summary>Holds each run after its matching query until the other run has matched too.</summary>
    private sealed class BothMatched : DbCommandInterceptor
    {
        private int _arrived;
        private readonly TaskCompletionSource _both = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"reference_entries\""))
            {
                if (Interlocked.Increment(ref _arrived) == 2) _both.SetResult();
                await _both.Task.WaitAsync(cancellationToken);
            }
            return result;
        }
    }
}
