using Microsoft.EntityFrameworkCore;
using Portal.Core;
using Portal.Core.Database;
using Portal.Tests;

namespace Portal.Indexer.Tests;

/// <summary>Departments that publish their own data are made from the command line too, and their clerks bound to them.</summary>
public sealed class DepartmentsCommandTests : IDisposable
{
    private readonly SampleData _data = new();

    [Fact]
    public async Task A_department_is_added_listed_and_given_a_clerk()
    {
        IndexerProcess.Run(_data, "db", "migrate");

        var added = IndexerProcess.Run(_data, "departments", "add", "--name", "杞县民政局", "--counties", "410221", "--funds", "rural-dibao,urban-dibao,tekun,temporary-aid");
        var listed = IndexerProcess.Run(_data, "departments", "list");
        var clerk = IndexerProcess.Run(_data, ["staff", "add", "--user", "qixian.mz", "--name", "李报送", "--roles", "数据报送", "--department", "杞县民政局", "--password-stdin"],
            withKey: true, input: "一句好记的密码2026\n");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("已添加 杞县民政局：可报送 杞县 的 农村低保、城市低保、特困人员供养、临时救助", added.Output);
        Assert.Contains("杞县民政局：杞县 的 农村低保、城市低保、特困人员供养、临时救助", listed.Output);
        Assert.Equal(0, clerk.ExitCode);
        Assert.Contains("已添加 qixian.mz（李报送，数据报送）", clerk.Output);
        await using var db = DatabaseRegistration.Create(new DatabaseOptions(), new PortalOptions { DataDirectory = _data.DataDirectory });
        var department = await db.Departments.SingleAsync();
        Assert.Equal(department.Id, (await db.StaffAccounts.SingleAsync(a => a.UserName == "qixian.mz")).DepartmentId);
    }

    [Fact]
    public void A_county_that_is_not_one_or_an_unknown_department_is_refused_with_the_reason()
    {
        IndexerProcess.Run(_data, "db", "migrate");

        var badCounty = IndexerProcess.Run(_data, "departments", "add", "--name", "杞县民政局", "--counties", "4102", "--funds", "rural-dibao");
        var noDepartment = IndexerProcess.Run(_data, ["staff", "add", "--user", "qixian.mz", "--name", "李报送", "--roles", "数据报送", "--department", "不存在局", "--password-stdin"],
            withKey: true, input: "一句好记的密码2026\n");
        var unbound = IndexerProcess.Run(_data, ["staff", "add", "--user", "qixian.mz", "--name", "李报送", "--roles", "数据报送", "--password-stdin"],
            withKey: true, input: "一句好记的密码2026\n");

        Assert.Equal(2, badCounty.ExitCode);
        Assert.Contains("“4102”不是有效的县级区划代码", badCounty.Error);
        Assert.Equal(1, noDepartment.ExitCode);
        Assert.Contains("没有名为“不存在局”的报送部门", noDepartment.Error);
        Assert.Equal(1, unbound.ExitCode);
        Assert.Contains("数据报送账号须选择所属部门", unbound.Error);
    }

    [Fact]
    public void An_API_key_is_shown_once_listed_without_its_secret_and_revoked_by_its_id()
    {
        IndexerProcess.Run(_data, "db", "migrate");
        IndexerProcess.Run(_data, "departments", "add", "--name", "杞县民政局", "--counties", "410221", "--funds", "rural-dibao");

        var made = IndexerProcess.Run(_data, "departments", "key", "--department", "杞县民政局", "--label", "低保系统对接");
        var token = made.Output.Split('\n').Select(l => l.Trim()).Single(l => l.Length == 32 + 1 + 43 && l[32] == '.');
        var id = token[..32];
        var listed = IndexerProcess.Run(_data, "departments", "list");
        var revoked = IndexerProcess.Run(_data, "departments", "revoke", id);
        var unknown = IndexerProcess.Run(_data, "departments", "revoke", "no-such-key");

        Assert.Equal(0, made.ExitCode);
        Assert.Contains("只显示这一次", made.Output);
        Assert.Contains($"接口密钥 {id}  低保系统对接", listed.Output);
        Assert.DoesNotContain(token[33..], listed.Output);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("已吊销", IndexerProcess.Run(_data, "departments", "list").Output);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("没有编号为“no-such-key”的接口密钥", unknown.Error);
    }

    public void Dispose() => _data.Dispose();
}
