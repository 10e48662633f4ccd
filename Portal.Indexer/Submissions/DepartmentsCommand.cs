using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Submissions;
using Portal.Indexer.Sync;

namespace Portal.Indexer.Submissions;

/// <summary>`departments add|list`: the departments that publish their own data, and what each may publish.</summary>
public static class DepartmentsCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "部门全称，如 杞县民政局", Required = true };
        var counties = new Option<string>("--counties") { Description = "可报送的县级区划代码，逗号分隔，如 410221", Required = true };
        var funds = new Option<string>("--funds") { Description = "可报送的资金代码，逗号分隔，如 rural-dibao,urban-dibao,tekun,temporary-aid", Required = true };
        var add = new Command("add", "添加报送部门：它的县和资金") { name, counties, funds };
        add.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            using var scope = host.Services.CreateScope();
            var (department, problem) = await scope.ServiceProvider.GetRequiredService<Departments>().AddAsync(parse.GetValue(name)!,
                Split(parse.GetValue(counties)!), Split(parse.GetValue(funds)!), by: null, cancellationToken);
            var json = parse.GetValue(IndexerOptions.Json);
            if (department is null) return Refusal.Print(json, problem!);
            var describe = scope.ServiceProvider.GetRequiredService<Departments>().Scope(department).Describe();
            Console.WriteLine(json ? JsonSerializer.Serialize(Shape(department, describe), SyncSummary.JsonOptions)
                : $"已添加 {department.Name}：可报送 {describe}。绑定报送人员：portal-indexer staff add --roles 数据报送 --department {department.Name} …");
            return 0;
        });

        var list = new Command("list", "列出报送部门");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            using var scope = host.Services.CreateScope();
            var departments = scope.ServiceProvider.GetRequiredService<Departments>();
            var all = await departments.ListAsync(cancellationToken);
            if (parse.GetValue(IndexerOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(all.Select(d => Shape(d, departments.Scope(d).Describe())), SyncSummary.JsonOptions));
            else if (all.Count == 0) Console.WriteLine("还没有报送部门。添加：portal-indexer departments add --name 杞县民政局 --counties 410221 --funds rural-dibao,urban-dibao");
            else foreach (var d in all) Console.WriteLine($"{d.Name}：{departments.Scope(d).Describe()}（县 {d.Counties}；资金 {d.Funds}）");
            return 0;
        });
        return new Command("departments", "报送部门（数据报送账号所属的部门）") { add, list };
    }

    private static object Shape(Department d, string describe) => new { id = d.Id, name = d.Name, counties = d.CountyCodes, funds = d.FundCodes, scope = describe };

    private static string[] Split(string list) => list.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries);
}
