using System.CommandLine;
using Portal.Indexer;
using Portal.Indexer.Bench;
using Portal.Indexer.Elasticsearch;
using Portal.Indexer.Exhibition;
using Portal.Indexer.Publication;
using Portal.Indexer.Reports;
using Portal.Indexer.Samples;
using Portal.Indexer.Stats;
using Portal.Indexer.Submissions;
using Portal.Indexer.Supervision;
using Portal.Indexer.Sync;
using Portal.Indexer.WeChat;

var root = new RootCommand("Portal 数据同步：校验、脱敏并发布部门导出的惠民资金数据")
{
    SyncCommand.Create(dryRun: false),
    SyncCommand.Create(dryRun: true),
    WatchCommand.Create(),
    WithdrawCommand.Create(),
    ReferenceCommand.Create(),
    CluesCommand.Create(),
    StatsCommand.Create(),
    SampleCommand.Create(),
    BenchCommand.Create(),
    DbCommand.Create(),
    StaffCommand.Create(),
    DepartmentsCommand.Create(),
    KeysCommand.Create(),
    ReportsCommand.Create(),
    ExhibitionCommand.Create(),
    WeChatCommand.Create(),
    EsCommand.Create(),
};
foreach (var option in IndexerOptions.Global) root.Options.Add(option);
return await Refusal.InvokeAsync(root, args);
