using System.CommandLine;
using System.Text.Json;
using Portal.Core.Payments.Elasticsearch;
using Portal.Indexer.Sync;
using Spectre.Console;

namespace Portal.Indexer.Elasticsearch;

/// <summary>`es`: the operator's commands for the payment index on Elasticsearch (Portal:Payments:Index:Provider=elasticsearch).</summary>
public static class EsCommand
{
    public static Command Create()
    {
        var status = new Command("status", "集群健康、别名指向的索引、各索引文档数、已提交的同步序号、写入锁");
        status.SetAction(parse => WithAdmin(parse, (admin, context) =>
        {
            var s = admin.Status();
            if (context.Json) Console.WriteLine(JsonSerializer.Serialize(s, SyncSummary.JsonOptions));
            else
            {
                AnsiConsole.MarkupLine($"集群：{Markup.Escape(s.Cluster.Status)}（{(s.Cluster.Ready ? "可用" : "不可用")}）");
                var held = s.Lock is null ? "无" : s.Lock + (s.LockExpired == true ? "（已过期，下一次同步会接管）" : "");
                AnsiConsole.MarkupLine($"别名：{Markup.Escape(s.Alias)}，已提交同步序号：{s.CommittedRun?.ToString() ?? "无"}，写入锁：{Markup.Escape(held)}");
                foreach (var i in s.Indices)
                    AnsiConsole.MarkupLine($"{(i.Aliased ? "→" : " ")} {Markup.Escape(i.Name)}  {Markup.Escape(i.Health)}  {i.Documents:N0} 个文档  {Markup.Escape(i.Size)}");
            }
            return s.Cluster.Ready ? 0 : 1;
        }));

        var init = new Command("init", "安装索引模板（deploy/elasticsearch/index-template.json）；集群上还没有索引时建立第一个并加上别名");
        init.SetAction(parse => WithAdmin(parse, (admin, _) =>
        {
            admin.EnsureIndex();
            Console.WriteLine($"模板已安装，别名指向：{string.Join("，", admin.AliasedIndices())}");
            return 0;
        }));

        var reindex = new Command("reindex", "按当前模板把已发布的数据复制到新索引，再原子地切换别名；旧索引保留，确认无误后由运维删除");
        reindex.SetAction(parse => WithAdmin(parse, (admin, _) =>
        {
            var r = admin.Reindex();
            Console.WriteLine($"已复制 {r.Documents:N0} 个文档：{r.OldIndex} → {r.NewIndex}，别名已切换。旧索引 {r.OldIndex} 仍保留，确认后可 DELETE /{r.OldIndex}。");
            return 0;
        }));

        var unlock = new Command("unlock", "强制解除写入锁：只在确认没有同步或重建仍在运行时使用（异常退出者的锁在租约到期后会被自动接管）");
        unlock.SetAction(parse => WithAdmin(parse, (admin, _) =>
        {
            admin.ReleaseLock();
            Console.WriteLine("写入锁已解除。");
            return 0;
        }));

        return new Command("es", "Elasticsearch 支付索引：状态、模板、重建与别名切换") { status, init, reindex, unlock };
    }

    private static int WithAdmin(ParseResult parse, Func<PaymentIndexAdmin, IndexerContext, int> run)
    {
        using var host = IndexerHost.Build(parse);
        var context = host.Context();
        if (!context.Payments.IsElasticsearch)
        {
            Console.Error.WriteLine("错误：支付索引不是 Elasticsearch（设置 Portal__Payments__Index__Provider=elasticsearch 和 Portal__Elasticsearch__Url）。");
            return 2;
        }
        using var client = new ElasticsearchClient(context.Payments.Elasticsearch);
        try { return run(new PaymentIndexAdmin(client, TimeProvider.System, lockLease: context.Payments.Elasticsearch.LockLease), context); }
        catch (Exception e) when (e is ElasticsearchException or InvalidOperationException or Portal.Core.Ingest.ExportFileException or HttpRequestException)
        {
            Console.Error.WriteLine("错误：" + e.Message);
            return 1;
        }
    }
}
