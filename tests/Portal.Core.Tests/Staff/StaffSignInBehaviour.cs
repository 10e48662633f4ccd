using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Database;
using Portal.Core.Staff;
using Portal.Core.Tests.Reports;
using SignInResult = Portal.Core.Staff.SignInResult;

namespace Portal.Core.Tests.Staff;

/// <summary>
/// How staff sign-in slows down guessing without letting a stranger lock anyone out: after five wrong passwords in a
/// row each further try waits a little longer (capped), and the right password gets in once the wait is over.
/// Run on SQLite always, and on PostgreSQL when ./test.sh has started it.
/// </summary>
public abstract class StaffSignInBehaviour
{
    private const string UserName = "zhou.shouli";
    private const string RightPassword = "staff-password-123";

    protected abstract Task<ReportsHarness> StartAsync();

    [Fact]
    public virtual async Task After_five_wrong_passwords_the_right_one_waits_a_minute_and_then_gets_in()
    {
        await using var h = await StartAsync();
        await h.StaffAsync(UserName, StaffRoles.Intake);
        for (var i = 0; i < 5; i++) Assert.Equal(StaffAccounts.SignInRefusal, (await SignInAsync(h, $"wrong-password-{i}")).Refusal);

        Assert.Equal(StaffAccounts.SignInRefusal, (await SignInAsync(h, RightPassword)).Refusal);
        h.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.NotNull((await SignInAsync(h, RightPassword)).Account);
    }

    [Fact]
    public virtual async Task A_stranger_guessing_on_during_the_wait_is_not_checked_and_does_not_make_it_longer()
    {
        await using var h = await StartAsync();
        await h.StaffAsync(UserName, StaffRoles.Intake);
        for (var i = 0; i < 5; i++) await SignInAsync(h, $"wrong-password-{i}");

        for (var i = 0; i < 6; i++)
        {
            h.Clock.Advance(TimeSpan.FromSeconds(8));
            Assert.Equal(StaffAccounts.SignInRefusal, (await SignInAsync(h, $"guess-{i}")).Refusal);
        }
        h.Clock.Advance(TimeSpan.FromSeconds(12));

        Assert.NotNull((await SignInAsync(h, RightPassword)).Account);
        Assert.Equal(0, (await StoredAsync(h)).FailedSignIns);
    }

    [Fact]
    public virtual async Task Each_wrong_password_after_a_wait_doubles_the_next_wait_up_to_fifteen_minutes()
    {
        await using var h = await StartAsync();
        await h.StaffAsync(UserName, StaffRoles.Intake);
        for (var i = 0; i < 5; i++) await SignInAsync(h, $"wrong-password-{i}");

        foreach (var minutes in new[] { 1, 2, 4, 8, 15, 15 })
        {
            h.Clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
            Assert.True((await SignInAsync(h, RightPassword)).Account is null, $"the right password got in a second before the {minutes}-minute wait ended");
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(StaffAccounts.SignInRefusal, (await SignInAsync(h, "another-wrong-one")).Refusal);
        }
        h.Clock.Advance(TimeSpan.FromMinutes(15));

        Assert.NotNull((await SignInAsync(h, RightPassword)).Account);
    }

    [Fact]
    public virtual async Task Wrong_passwords_sent_at_the_same_time_start_the_wait_once_and_none_slips_past_it()
    {
        await using var h = await StartAsync();
        await h.StaffAsync(UserName, StaffRoles.Intake);

        var refusals = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => SignInAsync(h, $"parallel-guess-{i}"))));

        Assert.All(refusals, r => Assert.Equal(StaffAccounts.SignInRefusal, r.Refusal));
        Assert.Equal(SignInBackOff.FreeFailures, (await StoredAsync(h)).FailedSignIns);
        h.Clock.Advance(SignInBackOff.FirstWait - TimeSpan.FromSeconds(1));
        Assert.Null((await SignInAsync(h, RightPassword)).Account);
        h.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull((await SignInAsync(h, RightPassword)).Account);
    }

    [Fact]
    public virtual async Task A_disabled_account_with_the_right_password_gets_the_wrong_password_answer()
    {
        await using var h = await StartAsync();
        var admin = await h.StaffAsync("admin.wang", StaffRoles.Admin);
        var account = await h.StaffAsync(UserName, StaffRoles.Intake);
        Assert.Null(await h.With(sp => sp.GetRequiredService<StaffAccounts>().UpdateAsync(account.Id, StaffRoles.Intake, disabled: true, null, admin)));

        var disabled = await SignInAsync(h, RightPassword);

        Assert.Null(disabled.Account);
        Assert.Equal(StaffAccounts.SignInRefusal, disabled.Refusal);
    }

    [Fact]
    public virtual async Task Every_refusal_costs_one_password_check_so_none_comes_sooner_than_a_wrong_password()
    {
        await using var h = await StartAsync();
        var admin = await h.StaffAsync("admin.wang", StaffRoles.Admin);
        await h.StaffAsync(UserName, StaffRoles.Intake);
        var disabled = await h.StaffAsync("disabled.li", StaffRoles.Intake);
        Assert.Null(await h.With(sp => sp.GetRequiredService<StaffAccounts>().UpdateAsync(disabled.Id, StaffRoles.Intake, disabled: true, null, admin)));
        await h.StaffAsync("waiting.zhao", StaffRoles.Intake);
        for (var i = 0; i < 5; i++) await h.With(sp => sp.GetRequiredService<StaffAccounts>().SignInAsync("waiting.zhao", $"wrong-password-{i}"));
        var checks = new CountingPasswords();

        foreach (var (user, password) in new[] { ("nobody.here", RightPassword), (UserName, "wrong-password"), ("disabled.li", RightPassword), ("waiting.zhao", RightPassword) })
        {
            var before = checks.Count;
            var result = await h.With(sp => new StaffAccounts(sp.GetRequiredService<PortalDb>(), sp.GetRequiredService<Portal.Core.Offices.OfficeTree>(), h.Clock, checks).SignInAsync(user, password));
            Assert.Equal(StaffAccounts.SignInRefusal, result.Refusal);
            Assert.True(checks.Count == before + 1, $"{user}: {checks.Count - before} password checks");
        }
    }

    private static Task<SignInResult> SignInAsync(ReportsHarness h, string password) =>
        h.With(sp => sp.GetRequiredService<StaffAccounts>().SignInAsync(UserName, password));

    private static Task<StaffAccount> StoredAsync(ReportsHarness h) =>
        h.With(sp => sp.GetRequiredService<PortalDb>().StaffAccounts.AsNoTracking().SingleAsync(a => a.UserName == UserName));

    /// <summary>The real password hasher, counting how often a password is checked.</summary>
    private sealed class CountingPasswords : IPasswordHasher<StaffAccount>
    {
        private readonly PasswordHasher<StaffAccount> _hasher = new();
        private int _count;

        public int Count => _count;

        public string HashPassword(StaffAccount user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _count);
            return _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>The sign-in behaviours on the embedded default: a SQLite file.</summary>
public sealed class SqliteStaffSignInTests : StaffSignInBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: false, azurite: false);
}
