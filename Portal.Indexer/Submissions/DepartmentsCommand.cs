using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Submissions;
using Portal.Indexer.Sync;

namespace Portal.Indexer.Submissions;

/// <summary>`departments add|list|key|revoke`: the departments that publish their own data, what each may publish, and their systems' API keys.</summary>
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
            var keys = (await scope.ServiceProvider.GetRequiredService<DepartmentKeys>().ListAsync(cancellationToken)).ToLookup(k => k.DepartmentId);
            if (parse.GetValue(IndexerOptions.Json))
                Console.WriteLine(JsonSerializer.Serialize(all.Select(d => Shape(d, departments.Scope(d).Describe(), keys[d.Id])), SyncSummary.JsonOptions));
            else if (all.Count == 0) Console.WriteLine("还没有报送部门。添加：portal-indexer departments add --name 杞县民政局 --counties 410221 --funds rural-dibao,urban-dibao");
            else foreach (var d in all)
            {
                Console.WriteLine($"{d.Name}：{departments.Scope(d).Describe()}（县 {d.Counties}；资金 {d.Funds}）");
                foreach (var k in keys[d.Id])
                    Console.WriteLine($"    接口密钥 {k.Id:N}  {k.Label}  {k.CreatedAt:yyyy-MM-dd HH:mm} UTC 新建{(k.RevokedAt is { } at ? $"，{at:yyyy-MM-dd HH:mm} UTC 已吊销" : "")}");
            }
            return 0;
        });

        var keyDepartment = new Option<string>("--department") { Description = "部门全称，如 杞县民政局", Required = true };
        var label = new Option<string>("--label") { Description = "密钥的用途，如 低保系统对接", DefaultValueFactory = _ => "系统对接" };
        var key = new Command("key", "给部门的系统新建一个接口密钥（只显示这一次；库里只存它的散列）") { keyDepartment, label };
        key.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            using var scope = host.Services.CreateScope();
            var name = parse.GetValue(keyDepartment)!;
            var json = parse.GetValue(IndexerOptions.Json);
            if (await scope.ServiceProvider.GetRequiredService<Departments>().FindByNameAsync(name, cancellationToken) is not { } department)
                return Refusal.Print(json, $"没有名为“{name}”的报送部门。先添加：portal-indexer departments add --name {name} --counties … --funds …");
            var (made, token) = await scope.ServiceProvider.GetRequiredService<DepartmentKeys>().CreateAsync(department, parse.GetValue(label)!, cancellationToken);
            Console.WriteLine(json ? JsonSerializer.Serialize(new { id = made.Id.ToString("N"), department = department.Name, label = made.Label, token }, SyncSummary.JsonOptions)
                : $"{department.Name} 的接口密钥（只显示这一次，请交给对接的系统妥善保存；丢了就吊销后另建）：\n{token}\n用法：Authorization: Bearer {token[..8]}…  POST /api/v1/submissions");
            return 0;
        });

        var keyId = new Argument<string>("ID") { Description = "密钥编号（departments list 列出的 32 位编号）" };
        var revoke = new Command("revoke", "吊销一个接口密钥：之后用它的请求一律拒绝") { keyId };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            using var scope = host.Services.CreateScope();
            var text = parse.GetValue(keyId)!;
            var json = parse.GetValue(IndexerOptions.Json);
            if (!Guid.TryParse(text, out var id) || !await scope.ServiceProvider.GetRequiredService<DepartmentKeys>().RevokeAsync(id, cancellationToken))
                return Refusal.Print(json, $"没有编号为“{text}”的接口密钥，请用 portal-indexer departments list 查看。");
            Console.WriteLine(json ? JsonSerializer.Serialize(new { id = id.ToString("N"), revoked = true }, SyncSummary.JsonOptions) : $"已吊销接口密钥 {id:N}。");
            return 0;
        });
        return new Command("departments", "报送部门（数据报送账号所属的部门）与它们的接口密钥") { add, list, key, revoke };
    }

    private static object Shape(Department d, string describe, IEnumerable<DepartmentApiKey>? keys = null) => new
    {
        id = d.Id, name = d.Name, counties = d.CountyCodes, funds = d.FundCodes, scope = describe,
        keys = (keys ?? []).Select(k => new { id = k.Id.ToString("N"), label = k.Label, createdAt = k.CreatedAt, revokedAt = k.RevokedAt }),
    };

    private static string[] Split(string list) => list.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries);
}
