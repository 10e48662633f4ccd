using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Supervision;
using Portal.Indexer.Publication;
using Portal.Indexer.Sync;

namespace Portal.Indexer.Supervision;

/// <summary>`clues run`: runs every rule card over every published payment and records the clues in the ledger (a clue found again stays the same clue).</summary>
public static class CluesCommand
{
    /// <summary>A clue as the command line shows it: where and what, never who (no name, no ID number, no sealed identity).</summary>
    public sealed record ClueLine(long Id, string Rule, string Level, string PaymentId, string VillageCode, string FundCode, string Period, decimal Amount,
        string SourceFile, int SourceRow)
    {
        public static ClueLine From(Clue c) => new(c.Id, c.RuleCode, c.Level == ClueLevel.Red ? "red" : "yellow", c.PaymentId, c.VillageCode, c.FundCode,
            Portal.Core.Payments.Period.FromValue(c.Period).ToString(), c.Amount, c.SourceFile, c.SourceRow);
    }

    public static Command Create()
    {
        var run = new Command("run", "对全部已公开的发放运行数据碰撞规则（content/supervision/rules.yaml），线索记入疑似线索台账");
        run.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            if (LedgerRecording.SchemaProblem(host.Services) is { } schema) return Refusal.Print(context.Json, schema);
            using var scope = host.Services.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ClueFinder>().RunAsync(ClueScope.All, cancellationToken);
            if (context.Json)
                Console.WriteLine(JsonSerializer.Serialize(new { @checked = result.Checked, clues = result.Clues.Select(ClueLine.From) }, SyncSummary.JsonOptions));
            else
            {
                Console.WriteLine($"检查 {result.Checked:N0} 笔发放，线索 {result.Clues.Count:N0} 条（红色 {result.Clues.Count(c => c.Level == ClueLevel.Red):N0}，黄色 {result.Clues.Count(c => c.Level == ClueLevel.Yellow):N0}）。");
                foreach (var group in result.Clues.GroupBy(c => c.RuleCode)) Console.WriteLine($"  {group.Key}：{group.Count():N0} 条");
            }
            return 0;
        });
        return new Command("clues", "数据碰撞线索") { run };
    }
}
