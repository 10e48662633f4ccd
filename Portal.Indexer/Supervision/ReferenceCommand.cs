using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Ingest;
using Portal.Core.Supervision;
using Portal.Indexer.Publication;
using Portal.Indexer.Sync;

namespace Portal.Indexer.Supervision;

/// <summary>`reference import`: a department's reference list (比对数据) replaces that kind's list for its county; the rules then run.</summary>
public static class ReferenceCommand
{
    private static readonly Dictionary<string, ReferenceKind> Kinds = new()
    {
        ["deceased"] = ReferenceKind.Deceased, ["officials"] = ReferenceKind.Officials, ["vehicles"] = ReferenceKind.Vehicles, ["businesses"] = ReferenceKind.Businesses,
    };

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "部门导出的名单（CSV 或 XLSX，UTF-8 或 GB18030）" };
        var kind = new Option<string>("--kind") { Description = "名单种类：deceased 死亡人员、officials 公职人员及近亲属、vehicles 机动车登记、businesses 市场主体登记", Required = true };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var county = new Option<string?>("--county") { Description = "名单所属县的 6 位区划代码；覆盖全部县的名单不填" };
        var report = new Option<string?>("--report") { Description = "退回报告写到这个文件（默认写在输入文件旁边，不能在数据目录下）" };
        var import = new Command("import", $"导入比对名单：替换该县该种类的原有名单（一次事务，失败时原名单不变），身份证号只存密钥散列；最多 {ReferenceImporter.MaxRows:N0} 行") { file, kind, county, report };
        import.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            if (LedgerRecording.SchemaProblem(host.Services) is { } schema) return Refusal.Print(context.Json, schema);
            using var scope = host.Services.CreateScope();
            var importer = scope.ServiceProvider.GetRequiredService<ReferenceImporter>();
            var path = parse.GetValue(file)!;
            var chosen = Kinds[parse.GetValue(kind)!];
            ReferenceImportResult result;
            try { result = await importer.ImportAsync(path, chosen, parse.GetValue(county), "命令行", cancellationToken: cancellationToken); }
            catch (ExportFileException e) { return Refusal.Print(context.Json, e.Message); }
            string? reportPath = null;
            if (result.Rejections.Count > 0)
            {
                reportPath = parse.GetValue(report) ?? RejectionReport.DefaultPathFor(path);
                RejectionReport.Write(reportPath, result.Rejections, context.Portal.DataDirectory);
            }
            var i = result.Import;
            if (context.Json)
                Console.WriteLine(JsonSerializer.Serialize(new { kind = parse.GetValue(kind), read = i.Read, kept = i.Kept, rejected = i.Rejected }, SyncSummary.JsonOptions));
            else
            {
                var where = i.CountyCode.Length > 0 ? $"{context.Regions.Find(i.CountyCode)?.Name ?? i.CountyCode}的" : "全部县的";
                Console.WriteLine($"已导入{where}{ReferenceFile.KindName(chosen)}名单：读取 {i.Read:N0} 行，保留 {i.Kept:N0} 条，退回 {i.Rejected:N0} 行"
                    + (reportPath is null ? "。" : $"（退回报告：{reportPath}）。"));
                Console.WriteLine($"比对：检查 {result.Clues.Checked:N0} 笔发放，线索 {result.Clues.Clues.Count:N0} 条。");
            }
            return 0;
        });
        return new Command("reference", "比对数据（数据碰撞）：导入其他部门的名单") { import };
    }
}
