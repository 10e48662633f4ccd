using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Publication;
using Portal.Core.Reports;

namespace Portal.Indexer.Publication;

/// <summary>`withdraw`: takes one published partition off the public pages, which then say 已撤回 with the reason and the date.</summary>
public static class WithdrawCommand
{
    public static Command Create()
    {
        var village = new Option<string>("--village") { Description = "村（社区）的 12 位区划代码", Required = true };
        var fund = new Option<string>("--fund") { Description = "资金代码或名称，如 rural-dibao 或 农村低保", Required = true };
        var period = new Option<string>("--period") { Description = "所属期，如 2026-05", Required = true };
        var reason = new Option<string?>("--reason") { Description = $"撤回理由（必填，最多 {WithdrawalReason.MaxLength} 字，会在公示页面上公开，不要写姓名和号码）" };
        var department = new Option<string?>("--department") { Description = "撤回的部门，如 杞县民政局（默认为资金目录中的主管部门）" };
        var command = new Command("withdraw", "撤回一个已公开的 村×资金×所属期：从索引中删除，并在公开记录中写明理由和日期")
        {
            village, fund, period, reason, department,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            using var scope = host.Services.CreateScope();
            var services = scope.ServiceProvider;
            if (LedgerRecording.SchemaProblem(host.Services) is { } schema) return Refusal.Print(context.Json, schema);
            WithdrawalResult result;
            try
            {
                result = await services.GetRequiredService<PartitionWithdrawal>().WithdrawAsync(
                    parse.GetValue(village), parse.GetValue(fund), parse.GetValue(period), parse.GetValue(reason), parse.GetValue(department), cancellationToken);
            }
            catch (Exception e) when (Sync.SyncCommand.IndexUnavailable(e))
            {
                return Refusal.Print(context.Json, $"支付索引（{context.Payments.Location}）不可用，没有撤回任何数据：{e.Message}");
            }
            if (result.Withdrawal is not { } w) return Refusal.Print(context.Json, result.Problem!);
            var when = ChinaTime.Format(w.At);
            if (context.Json)
                Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
                {
                    village = w.VillageCode, fund = w.FundCode, period = w.Partition.Period.ToString(), rows = w.Rows, reason = w.Reason,
                    department = w.Department, withdrawnAt = ChinaTime.WithOffset(w.At),
                }, Sync.SyncSummary.JsonOptions));
            else Console.WriteLine($"已撤回 {w.VillageCode} {w.FundCode} {w.Partition.Period}：{w.Rows:N0} 行不再公开（{when}，{w.Department}）。理由：{w.Reason}");
            return 0;
        });
        return command;
    }
}
