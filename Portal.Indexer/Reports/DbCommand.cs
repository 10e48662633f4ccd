using Portal.Core.Exhibition;
using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Database;

namespace Portal.Indexer.Reports;

/// <summary>`db migrate`: brings the reports database (SQLite or PostgreSQL, as configured) up to date. Run once per upgrade, not by every instance.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "执行数据库迁移（SQLite 或 PostgreSQL，按配置 Portal:Database），首次运行时导入工作日历");
        migrate.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var services = host.Services;
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            var content = services.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory();
            var applied = await DatabaseMigrator.MigrateAsync(db, content, services.GetRequiredService<ExhibitionMediaStore>(), services.GetRequiredService<Portal.Core.Offices.OfficeTree>(), cancellationToken);
            Console.WriteLine(applied.Count == 0 ? "数据库已是最新。" : $"已执行迁移：{string.Join("、", applied)}");
            return 0;
        });
        return new Command("db", "报表数据库（举报、工作人员、审计日志）") { migrate };
    }
}
