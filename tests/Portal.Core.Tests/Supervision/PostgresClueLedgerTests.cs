using Portal.Core.Tests.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Supervision;

/// <summary>The ledger's workflow on PostgreSQL (and Azure Blob Storage when Azurite is there too).</summary>
public sealed class PostgresClueLedgerTests : ClueLedgerBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: true, azurite: TestServers.Azurite is not null);

    [Fact]
    public void Every_ledger_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(ClueLedgerBehaviour), GetType(), typeof(PostgresFactAttribute)));
    }

    // Each behaviour again, marked to need PostgreSQL.
    [PostgresFact] public override Task An_officer_assigns_an_open_clue_to_a_named_supervisor_and_it_is_under_verification() => base.An_officer_assigns_an_open_clue_to_a_named_supervisor_and_it_is_under_verification();
    [PostgresFact] public override Task A_clue_is_assigned_only_to_an_active_supervisor_and_only_by_one() => base.A_clue_is_assigned_only_to_an_active_supervisor_and_only_by_one();
    [PostgresFact] public override Task Only_the_assignee_records_a_finding_and_it_needs_words_and_evidence() => base.Only_the_assignee_records_a_finding_and_it_needs_words_and_evidence();
    [PostgresFact] public override Task Rectified_is_proposed_by_the_assignee_and_confirmed_only_by_a_second_person() => base.Rectified_is_proposed_by_the_assignee_and_confirmed_only_by_a_second_person();
    [PostgresFact] public override Task A_clue_under_rectification_can_be_handed_to_another_assignee_and_keeps_its_state() => base.A_clue_under_rectification_can_be_handed_to_another_assignee_and_keeps_its_state();
    [PostgresFact] public override Task Unfounded_waits_for_a_second_person_who_may_send_it_back_with_a_reason() => base.Unfounded_waits_for_a_second_person_who_may_send_it_back_with_a_reason();
    [PostgresFact] public override Task A_recovery_that_makes_no_sense_is_refused_and_nothing_is_proposed() => base.A_recovery_that_makes_no_sense_is_refused_and_nothing_is_proposed();
    [PostgresFact] public override Task Payment_stopped_without_money_recovered_and_the_full_bound_are_accepted() => base.Payment_stopped_without_money_recovered_and_the_full_bound_are_accepted();
    [PostgresFact] public override Task A_stale_form_is_refused_with_a_request_to_refresh_and_changes_nothing() => base.A_stale_form_is_refused_with_a_request_to_refresh_and_changes_nothing();
    [PostgresFact] public override Task Notes_and_the_reasons_of_identity_requests_are_sealed_at_rest_and_shown_to_a_supervisor() => base.Notes_and_the_reasons_of_identity_requests_are_sealed_at_rest_and_shown_to_a_supervisor();
    [PostgresFact] public override Task After_rekeying_the_old_key_can_be_retired_and_the_ledger_still_opens() => base.After_rekeying_the_old_key_can_be_retired_and_the_ledger_still_opens();
    [PostgresFact] public override Task After_rekeying_the_old_key_can_be_retired_and_every_sealed_identity_still_opens() => base.After_rekeying_the_old_key_can_be_retired_and_every_sealed_identity_still_opens();
    [PostgresFact] public override Task Evidence_is_sealed_at_rest_and_opens_again_for_a_supervisor() => base.Evidence_is_sealed_at_rest_and_opens_again_for_a_supervisor();
    [PostgresFact] public override Task Evidence_files_have_a_count_a_size_and_a_kind_limit() => base.Evidence_files_have_a_count_a_size_and_a_kind_limit();
    [PostgresFact] public override Task A_clue_keeps_at_most_thirty_evidence_files() => base.A_clue_keeps_at_most_thirty_evidence_files();
    [PostgresFact] public override Task The_history_of_a_clue_cannot_be_changed_or_removed() => base.The_history_of_a_clue_cannot_be_changed_or_removed();
}
