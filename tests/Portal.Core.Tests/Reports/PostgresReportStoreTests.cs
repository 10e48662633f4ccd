using Portal.Core.Blobs;
using Portal.Tests;

namespace Portal.Core.Tests.Reports;

/// <summary>The report store behaviours past one machine: PostgreSQL, and Azure Blob Storage (Azurite) when it is there too.</summary>
public sealed class PostgresReportStoreTests : ReportStoreBehaviour
{
    protected override Task<ReportsHarness> StartAsync(Func<IBlobStore, IBlobStore>? watchBlobs = null) =>
        ReportsHarness.StartAsync(postgres: true, azurite: TestServers.Azurite is not null, watchBlobs);

    [Fact]
    public void Every_report_store_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(ReportStoreBehaviour), GetType(), typeof(PostgresFactAttribute)));
    }

    // Each behaviour again, marked to need PostgreSQL.
    [PostgresFact] public override Task A_filed_report_is_found_by_its_query_code_and_password() => base.A_filed_report_is_found_by_its_query_code_and_password();
    [PostgresFact] public override Task Nothing_the_reporter_typed_or_attached_is_stored_in_the_clear() => base.Nothing_the_reporter_typed_or_attached_is_stored_in_the_clear();
    [PostgresFact] public override Task An_anonymous_report_keeps_no_identity_even_when_one_was_typed() => base.An_anonymous_report_keeps_no_identity_even_when_one_was_typed();
    [PostgresFact] public override Task Submitting_the_same_form_twice_at_once_makes_one_report_and_one_receipt() => base.Submitting_the_same_form_twice_at_once_makes_one_report_and_one_receipt();
    [PostgresFact] public override Task A_replayed_form_with_another_password_gets_no_receipt() => base.A_replayed_form_with_another_password_gets_no_receipt();
    [PostgresFact] public override Task Five_wrong_passwords_lock_the_code_for_thirty_minutes_and_the_answer_never_changes() => base.Five_wrong_passwords_lock_the_code_for_thirty_minutes_and_the_answer_never_changes();
    [PostgresFact] public override Task Staff_take_a_report_from_intake_to_conclusion_and_the_reporter_sees_only_what_is_meant_for_them() => base.Staff_take_a_report_from_intake_to_conclusion_and_the_reporter_sees_only_what_is_meant_for_them();
    [PostgresFact] public override Task A_handler_cannot_act_on_a_report_not_transferred_to_them() => base.A_handler_cannot_act_on_a_report_not_transferred_to_them();
    [PostgresFact] public override Task The_reporter_adds_supplements_until_the_report_is_closed() => base.The_reporter_adds_supplements_until_the_report_is_closed();
    [PostgresFact] public override Task Reports_about_the_same_person_that_read_alike_are_flagged_both_ways_and_kept_apart() => base.Reports_about_the_same_person_that_read_alike_are_flagged_both_ways_and_kept_apart();
    [PostgresFact] public override Task Rotating_the_lookup_key_does_not_change_which_reports_are_found_to_be_duplicates() => base.Rotating_the_lookup_key_does_not_change_which_reports_are_found_to_be_duplicates();
    [PostgresFact] public override Task Urging_a_passed_deadline_twice_at_once_stores_one_urging_and_tells_the_other_press_when_it_was_urged() => base.Urging_a_passed_deadline_twice_at_once_stores_one_urging_and_tells_the_other_press_when_it_was_urged();
    [PostgresFact] public override Task A_deadline_on_a_Saturday_three_working_days_away_is_near_in_its_mark_and_in_the_near_filter_alike() => base.A_deadline_on_a_Saturday_three_working_days_away_is_near_in_its_mark_and_in_the_near_filter_alike();
    [PostgresFact] public override Task The_audit_log_cannot_be_changed_or_emptied() => base.The_audit_log_cannot_be_changed_or_emptied();
    [PostgresFact] public override Task A_failed_commit_shows_no_query_code_and_leaves_no_attachment_behind() => base.A_failed_commit_shows_no_query_code_and_leaves_no_attachment_behind();
    [PostgresFact] public override Task The_sweep_removes_old_blobs_no_record_names_and_keeps_the_rest() => base.The_sweep_removes_old_blobs_no_record_names_and_keeps_the_rest();
    [PostgresFact] public override Task Reports_sealed_under_an_old_key_still_open_after_a_new_key_takes_over() => base.Reports_sealed_under_an_old_key_still_open_after_a_new_key_takes_over();
    [PostgresFact] public override Task A_proof_of_filing_verifies_and_a_changed_one_does_not() => base.A_proof_of_filing_verifies_and_a_changed_one_does_not();
    [PostgresFact] public override Task A_new_report_is_due_for_acceptance_fifteen_working_days_later_counting_holidays() => base.A_new_report_is_due_for_acceptance_fifteen_working_days_later_counting_holidays();
    [PostgresFact] public override Task An_attachment_goes_to_storage_as_it_is_read_and_is_never_held_whole_in_memory() => base.An_attachment_goes_to_storage_as_it_is_read_and_is_never_held_whole_in_memory();
    [PostgresFact] public override Task A_staff_download_reads_the_stored_attachment_as_it_is_sent() => base.A_staff_download_reads_the_stored_attachment_as_it_is_sent();
    [PostgresFact] public override Task An_attachment_stored_whole_before_attachments_were_streamed_still_downloads() => base.An_attachment_stored_whole_before_attachments_were_streamed_still_downloads();
    [PostgresFact] public override Task After_rekeying_the_old_key_can_be_retired() => base.After_rekeying_the_old_key_can_be_retired();
    [PostgresFact] public override Task A_supplement_sent_twice_with_the_same_token_is_added_once() => base.A_supplement_sent_twice_with_the_same_token_is_added_once();
    [PostgresFact] public override Task Every_instance_shares_the_data_protection_keys_through_the_database_encrypted_with_the_certificate() => base.Every_instance_shares_the_data_protection_keys_through_the_database_encrypted_with_the_certificate();
    [PostgresFact] public override Task A_replaced_certificate_still_opens_the_keys_it_encrypted_while_it_is_listed() => base.A_replaced_certificate_still_opens_the_keys_it_encrypted_while_it_is_listed();
}
