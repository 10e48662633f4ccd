using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Offices;
using Portal.Core.Staff;
using Portal.Core.Submissions;
using Spectre.Console;

namespace Portal.Indexer.Reports;

/// <summary>`staff add`: how the first administrator comes to exist — there is no default account or password.</summary>
public static class StaffCommand
{
    public static Command Create()
    {
        var user = new Option<string>("--user") { Description = "登录用户名（小写字母、数字、点、下划线、连字符）", Required = true };
        var name = new Option<string>("--name") { Description = "姓名（显示在办理记录和审计日志中）", Required = true };
        var roles = new Option<string>("--roles") { Description = "角色，逗号分隔：管理员、受理员、承办人、审计、宣传、数据报送、监督", DefaultValueFactory = _ => "管理员" };
        var department = new Option<string?>("--department") { Description = "数据报送账号所属的部门（先用 departments add 添加），如 杞县民政局" };
        var office = new Option<string?>("--office") { Description = "所在受理机关的代码（见 content/offices.yaml），如 410221 杞县纪委监委；不写则为最上级机关" };
        var fromStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码（用于脚本）；否则交互输入两次" };
        var add = new Command("add", "添加工作人员账号（第一个管理员用它创建）") { user, name, roles, department, office, fromStdin };
        add.SetAction(async (parse, cancellationToken) =>
        {
            if (StaffRoleNames.Parse(parse.GetValue(roles)!) is not { } parsedRoles)
            {
                Console.Error.WriteLine("角色无效。可选：管理员、受理员、承办人、审计、宣传、数据报送、监督（逗号分隔）。");
                return 2;
            }
            var password = parse.GetValue(fromStdin) ? Console.In.ReadLine() ?? "" : Ask();
            if (password is null) return 2;
            using var host = IndexerHost.Build(parse);
            var services = host.Services;
            using var scope = services.CreateScope();
            Guid? departmentId = null;
            if (parse.GetValue(department) is { Length: > 0 } departmentName)
            {
                if (await scope.ServiceProvider.GetRequiredService<Departments>().FindByNameAsync(departmentName, cancellationToken) is not { } found)
                {
                    Console.Error.WriteLine($"没有名为“{departmentName}”的报送部门。先添加：portal-indexer departments add --name {departmentName} --counties … --funds …");
                    return 1;
                }
                departmentId = found.Id;
            }
            var (account, problem) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
                .CreateAsync(parse.GetValue(user)!, parse.GetValue(name)!, password, parsedRoles, by: null, departmentId, parse.GetValue(office), cancellationToken);
            if (account is null)
            {
                Console.Error.WriteLine(problem);
                return 1;
            }
            var workplace = scope.ServiceProvider.GetRequiredService<OfficeTree>().Find(account.OfficeCode)!;
            Console.WriteLine($"已添加 {account.UserName}（{account.DisplayName}，{StaffRoleNames.Describe(account.Roles)}），所在机关 {workplace.Name}。登录：/admin/login");
            return 0;
        });
        return new Command("staff", "工作人员账号") { add };
    }

    private static string? Ask()
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            Console.Error.WriteLine("这里不能交互输入密码：请用 --password-stdin 从标准输入传入，如 printf '%s\\n' \"$密码\" | portal-indexer staff add … --password-stdin");
            return null;
        }
        var first = AnsiConsole.Prompt(new TextPrompt<string>("密码（至少 10 个字符）：").Secret());
        var second = AnsiConsole.Prompt(new TextPrompt<string>("再输入一次：").Secret());
        if (first == second) return first;
        Console.Error.WriteLine("两次输入的密码不一致。");
        return null;
    }
}
