using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Exhibition;
using Portal.Indexer.Reports;

namespace Portal.Indexer.Exhibition;

/// <summary>`exhibition export --out DIR`: writes what is published (the database is the source of truth) in content/exhibition's form.</summary>
public static class ExhibitionCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "写到哪个文件夹，例如 content/exhibition（其中的 halls 和 news 会被整个替换）", Required = true };
        var export = new Command("export", "把已发布的展厅、展品和新闻导出为 content/exhibition 的格式（Markdown + 前言 + 媒体文件）") { output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var services = host.Services;
            using var scope = services.CreateScope();
            var folder = parse.GetValue(output)!.FullName;
            var summary = await ExhibitionExport.WriteAsync(scope.ServiceProvider.GetRequiredService<PortalDb>(),
                services.GetRequiredService<ExhibitionMediaStore>(), folder, cancellationToken);
            Console.WriteLine($"已导出到 {folder}：展厅 {summary.Halls} 个，展品 {summary.Exhibits} 件，新闻 {summary.News} 篇，复制媒体文件 {summary.MediaFiles} 个。");
            return 0;
        });
        return new Command("exhibition", "廉政教育展厅与新闻") { export };
    }
}
