using Microsoft.AspNetCore.Identity;
using Portal.Core;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Reports;
using Portal.Core.Staff;
using Portal.Tests;

namespace Portal.Indexer.Tests;

/// <summary>The first administrator comes from the command line; there is no default account or password.</summary>
public sealed class StaffCommandTests : IDisposable
{
    private readonly SampleData _data = new();

    [Fact]
    public async Task The_first_administrator_is_made_by_a_command_and_can_sign_in()
    {
        var migrated = IndexerProcess.Run(_data, "db", "migrate");
        var added = IndexerProcess.Run(_data, ["staff", "add", "--user", "Admin", "--name", "王主任", "--roles", "管理员,审计", "--password-stdin"], withKey: true, input: "一句好记的密码2026\n");

        await using var db = DatabaseRegistration.Create(new DatabaseOptions(), new PortalOptions { DataDirectory = _data.DataDirectory });
        var signIn = await new StaffAccounts(db, Offices, TimeProvider.System, new PasswordHasher<StaffAccount>()).SignInAsync("admin", "一句好记的密码2026");

        Assert.Equal(0, migrated.ExitCode);
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("已添加 admin（王主任，管理员、审计），所在机关 开封市纪委监委", added.Output);
        Assert.Equal(StaffRoles.Admin | StaffRoles.Auditor, signIn.Account!.Roles);
        Assert.Equal("4102", signIn.Account.OfficeCode);
        Assert.Contains("已执行迁移", migrated.Output);
        Assert.Equal("数据库已是最新。", IndexerProcess.Run(_data, "db", "migrate").Output.Trim());
    }

    [Fact]
    public async Task An_account_of_a_county_office_is_made_with_its_office_code_and_an_unknown_code_is_refused_with_the_codes_there_are()
    {
        IndexerProcess.Run(_data, "db", "migrate");

        var added = IndexerProcess.Run(_data, ["staff", "add", "--user", "qixian.sl", "--name", "杞受理", "--roles", "受理员", "--office", "410221", "--password-stdin"],
            withKey: true, input: "一句好记的密码2026\n");
        var unknown = IndexerProcess.Run(_data, ["staff", "add", "--user", "nowhere.sl", "--name", "某受理", "--roles", "受理员", "--office", "410102", "--password-stdin"],
            withKey: true, input: "一句好记的密码2026\n");
        await using var db = DatabaseRegistration.Create(new DatabaseOptions(), new PortalOptions { DataDirectory = _data.DataDirectory });
        var signIn = await new StaffAccounts(db, Offices, TimeProvider.System, new PasswordHasher<StaffAccount>()).SignInAsync("qixian.sl", "一句好记的密码2026");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("已添加 qixian.sl（杞受理，受理员），所在机关 杞县纪委监委", added.Output);
        Assert.Equal("410221", signIn.Account!.OfficeCode);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("没有代码为“410102”的受理机关。可用的代码：4102（开封市纪委监委）", unknown.Error);
        Assert.Null((await new StaffAccounts(db, Offices, TimeProvider.System, new PasswordHasher<StaffAccount>()).SignInAsync("nowhere.sl", "一句好记的密码2026")).Account);
    }

    private static readonly OfficeTree Offices = OfficeTree.Load(Path.Combine(AppContext.BaseDirectory, "content", "offices.yaml"), SampleData.Regions);

    [Fact]
    public void Without_a_terminal_and_without_password_stdin_it_says_how_to_pass_the_password_instead_of_crashing()
    {
        IndexerProcess.Run(_data, "db", "migrate");

        var added = IndexerProcess.Run(_data, ["staff", "add", "--user", "admin", "--name", "王主任"], withKey: true, input: "");

        Assert.Equal(2, added.ExitCode);
        Assert.Contains("请用 --password-stdin 从标准输入传入", added.Error);
        Assert.DoesNotContain("意外中止", added.Error);
    }

    [Fact]
    public void A_short_password_or_an_unknown_role_is_refused_with_the_reason()
    {
        IndexerProcess.Run(_data, "db", "migrate");

        var shortPassword = IndexerProcess.Run(_data, ["staff", "add", "--user", "admin", "--name", "王主任", "--password-stdin"], withKey: true, input: "short\n");
        var badRole = IndexerProcess.Run(_data, ["staff", "add", "--user", "admin", "--name", "王主任", "--roles", "局长", "--password-stdin"], withKey: true, input: "一句好记的密码2026\n");

        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("10 到 128 个字符", shortPassword.Error);
        Assert.Equal(2, badRole.ExitCode);
        Assert.Contains("可选：管理员、受理员、承办人、审计", badRole.Error);
    }

    [Fact]
    public void The_keys_command_prints_keys_the_hosts_accept()
    {
        var printed = IndexerProcess.Run(_data, "keys", "--key-id", "k7");
        var lines = printed.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var options = new ReportSecretsOptions
        {
            EncryptionKeys = { ["k7"] = lines["Portal__Reports__Secrets__EncryptionKeys__k7"] },
            ActiveKeyId = lines["Portal__Reports__Secrets__ActiveKeyId"],
            SigningKey = lines["Portal__Reports__Secrets__SigningKey"],
            DuplicateKey = lines["Portal__Reports__Secrets__DuplicateKey"],
        };

        Assert.Equal(32, options.KeyBytes()["k7"].Length);
        using var signing = options.SigningAlgorithm();
        Assert.Equal(256, signing.KeySize);
        Assert.Equal(44, lines["Portal__Lookup__HmacKey"].Length);
        Assert.Equal(32, options.DuplicateKeyBytes()!.Length);
    }

    [Fact]
    public void Keys_duplicate_prints_the_duplicate_key_an_installation_without_one_already_uses()
    {
        var printed = IndexerProcess.Run(_data, "keys", "duplicate");

        var expected = Convert.ToBase64String(DuplicateFinder.KeyFromLookupKey(Convert.FromBase64String(SampleData.HmacKey)));
        Assert.Equal($"Portal__Reports__Secrets__DuplicateKey={expected}", printed.Output.Trim());
    }

    public void Dispose() => _data.Dispose();
}
