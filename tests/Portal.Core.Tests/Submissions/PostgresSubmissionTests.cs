using Portal.Core.Tests.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Submissions;

/// <summary>The submission behaviours on PostgreSQL, where the lease and the append-only record rest on its own updates and triggers.</summary>
public sealed class PostgresSubmissionTests : SubmissionBehaviour
{
    protected override Task<ReportsHarness> StartAsync() => ReportsHarness.StartAsync(postgres: true, azurite: false);

    [Fact]
    public void Every_submission_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(SubmissionBehaviour), GetType(), typeof(PostgresFactAttribute)));
    }

    // Each behaviour again, marked to need PostgreSQL.
    [PostgresFact] public override Task An_upload_is_published_by_the_worker_and_its_record_says_who_what_when_and_how_many() => base.An_upload_is_published_by_the_worker_and_its_record_says_who_what_when_and_how_many();
    [PostgresFact] public override Task Only_checking_publishes_nothing_and_reports_what_would_be_published() => base.Only_checking_publishes_nothing_and_reports_what_would_be_published();
    [PostgresFact] public override Task A_file_for_another_county_is_refused_whole_and_the_next_queued_file_still_runs() => base.A_file_for_another_county_is_refused_whole_and_the_next_queued_file_still_runs();
    [PostgresFact] public override Task The_kept_rejections_show_masked_values_only_never_a_full_name_or_ID_number() => base.The_kept_rejections_show_masked_values_only_never_a_full_name_or_ID_number();
    [PostgresFact] public override Task A_finished_record_cannot_be_changed_or_deleted() => base.A_finished_record_cannot_be_changed_or_deleted();
    [PostgresFact] public override Task While_one_worker_applies_a_file_no_other_worker_starts_one() => base.While_one_worker_applies_a_file_no_other_worker_starts_one();
    [PostgresFact] public override Task Two_uploads_for_the_same_partition_at_once_are_applied_one_after_the_other_and_neither_by_halves() => base.Two_uploads_for_the_same_partition_at_once_are_applied_one_after_the_other_and_neither_by_halves();
    [PostgresFact] public override Task A_file_left_running_by_a_worker_that_died_is_marked_failed_and_the_queue_goes_on() => base.A_file_left_running_by_a_worker_that_died_is_marked_failed_and_the_queue_goes_on();
    [PostgresFact] public override Task A_file_over_the_size_limit_is_refused_in_Chinese_and_nothing_is_queued() => base.A_file_over_the_size_limit_is_refused_in_Chinese_and_nothing_is_queued();
    [PostgresFact] public override Task A_clerk_without_a_department_or_another_role_cannot_upload_and_a_clerk_reads_only_their_departments_records() => base.A_clerk_without_a_department_or_another_role_cannot_upload_and_a_clerk_reads_only_their_departments_records();
    [PostgresFact] public override Task The_same_Idempotency_Key_sent_twice_at_once_makes_one_submission() => base.The_same_Idempotency_Key_sent_twice_at_once_makes_one_submission();
    [PostgresFact] public override Task A_department_takes_only_county_codes_and_funds_of_the_catalogue_and_only_from_an_administrator() => base.A_department_takes_only_county_codes_and_funds_of_the_catalogue_and_only_from_an_administrator();
}
