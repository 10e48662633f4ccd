using System.CommandLine;
using System.Text.Json;
using Portal.Core.Payments;
using Region = Portal.Core.Regions.Region;
using Portal.Indexer.Sync;
using Spectre.Console;

namespace Portal.Indexer.Stats;

/// <summary>`stats`: what the index publishes now, by fund and by period (payments past their window are not counted).</summary>
public static class StatsCommand
{
    public static Command Create()
    {
        var command = new Command("stats", "显示索引中当前公开的笔数和金额（按资金、按月份）");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            using var index = context.Payments.OpenIndex(context.Funds, TimeProvider.System);
            var byFund = await index.SummarizeAsync(Region.CountryCode, null, null, SummaryGrouping.Fund, cancellationToken);
            var byPeriod = await index.SummarizeAsync(Region.CountryCode, null, null, SummaryGrouping.Period, cancellationToken);
            var byProvince = await index.SummarizeAsync(Region.CountryCode, null, null, SummaryGrouping.ChildRegion, cancellationToken);
            if (context.Json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    index = context.Payments.Location,
                    count = byFund.Sum(t => t.Count),
                    amount = byFund.Sum(t => t.Amount),
                    funds = byFund, periods = byPeriod, provinces = byProvince,
                }, SyncSummary.JsonOptions));
                return 0;
            }
            AnsiConsole.MarkupLine($"索引：{Markup.Escape(context.Payments.Location)}");
            AnsiConsole.MarkupLine($"公开 {byFund.Sum(t => t.Count):N0} 笔，{Money.Total(byFund.Sum(t => t.Amount))}");
            Print("资金", byFund.Select(t => (context.Funds.ByCode(t.Key)?.Name ?? t.Key, t)));
            Print("所属期", byPeriod.Select(t => (t.Key, t)));
            Print("省份", byProvince.Select(t => (context.Regions.Find(t.Key)?.Name ?? t.Key, t)));
            return 0;
        });
        return command;
    }

    private static void Print(string title, IEnumerable<(string Label, PaymentTotal Total)> rows)
    {
        var table = new Table().AddColumn(title).AddColumn(new TableColumn("笔数").RightAligned()).AddColumn(new TableColumn("金额").RightAligned());
        foreach (var (label, total) in rows) table.AddRow(Markup.Escape(label), total.Count.ToString("N0"), Markup.Escape(Money.Yuan(total.Amount)));
        AnsiConsole.Write(table);
    }
}
