using Portal.Core.Tests.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Staff;

/// <summary>The sign-in behaviours on PostgreSQL, where counting failures sent at once depends on the database's own update.</summary>
public sealed class PostgresStaffSignInTests : StaffSignInBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: true, azurite: false);

    [Fact]
    public void Every_sign_in_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(StaffSignInBehaviour), GetType(), typeof(PostgresFactAttribute)));
    }

    // Each behaviour again, marked to need PostgreSQL.
    [PostgresFact] public override Task After_five_wrong_passwords_the_right_one_waits_a_minute_and_then_gets_in() => base.After_five_wrong_passwords_the_right_one_waits_a_minute_and_then_gets_in();
    [PostgresFact] public override Task A_stranger_guessing_on_during_the_wait_is_not_checked_and_does_not_make_it_longer() => base.A_stranger_guessing_on_during_the_wait_is_not_checked_and_does_not_make_it_longer();
    [PostgresFact] public override Task Each_wrong_password_after_a_wait_doubles_the_next_wait_up_to_fifteen_minutes() => base.Each_wrong_password_after_a_wait_doubles_the_next_wait_up_to_fifteen_minutes();
    [PostgresFact] public override Task Wrong_passwords_sent_at_the_same_time_start_the_wait_once_and_none_slips_past_it() => base.Wrong_passwords_sent_at_the_same_time_start_the_wait_once_and_none_slips_past_it();
    [PostgresFact] public override Task Every_refusal_costs_one_password_check_so_none_comes_sooner_than_a_wrong_password() => base.Every_refusal_costs_one_password_check_so_none_comes_sooner_than_a_wrong_password();
    [PostgresFact] public override Task A_disabled_account_with_the_right_password_gets_the_wrong_password_answer() => base.A_disabled_account_with_the_right_password_gets_the_wrong_password_answer();
}
