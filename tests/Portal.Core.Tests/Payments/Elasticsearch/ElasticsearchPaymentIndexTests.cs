using Portal.Core.Payments;
using Portal.Core.Payments.Elasticsearch;
using Portal.Tests;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// The Elasticsearch behaviours (every payment index behaviour, the reindex, the writer lock) against a real cluster
/// (<c>PORTAL_TEST_ELASTICSEARCH_URL</c>); each test has an alias of its own and deletes its indices and template
/// afterwards. Without a cluster these skip loudly, under CI too.
/// </summary>
public sealed class ElasticsearchPaymentIndexTests : ElasticsearchIndexBehaviour
{
    private readonly string _alias = "portal-test-" + Guid.NewGuid().ToString("N")[..12];

    protected override ElasticsearchClient NewClient() => new(ElasticsearchServer.Options(_alias));

    [ElasticsearchFact] public override Task Running_the_same_file_again_changes_nothing() => base.Running_the_same_file_again_changes_nothing();

    [ElasticsearchFact] public override Task A_corrected_file_replaces_what_its_earlier_version_published() => base.A_corrected_file_replaces_what_its_earlier_version_published();

    [ElasticsearchFact] public override Task Files_for_different_villages_funds_or_periods_never_overwrite_each_other() => base.Files_for_different_villages_funds_or_periods_never_overwrite_each_other();

    [ElasticsearchFact] public override Task A_partition_whose_rows_were_all_rejected_keeps_what_it_published() => base.A_partition_whose_rows_were_all_rejected_keeps_what_it_published();

    [ElasticsearchFact] public override Task A_withdrawn_partition_leaves_every_answer_at_the_commit_and_the_others_stay() => base.A_withdrawn_partition_leaves_every_answer_at_the_commit_and_the_others_stay();

    [ElasticsearchFact] public override Task A_partition_replaced_and_withdrawn_in_one_run_is_gone_and_can_be_published_again() => base.A_partition_replaced_and_withdrawn_in_one_run_is_gone_and_can_be_published_again();

    [ElasticsearchFact] public override Task Readers_see_a_sync_only_once_it_is_committed_and_learn_which_counties_changed() => base.Readers_see_a_sync_only_once_it_is_committed_and_learn_which_counties_changed();

    [ElasticsearchFact] public override Task Rollups_at_every_level_equal_the_sum_of_the_payments() => base.Rollups_at_every_level_equal_the_sum_of_the_payments();

    [ElasticsearchFact] public override Task Payments_past_their_funds_publication_window_leave_every_answer() => base.Payments_past_their_funds_publication_window_leave_every_answer();

    [ElasticsearchFact] public override Task Search_filters_sorts_pages_and_totals_the_whole_filtered_set() => base.Search_filters_sorts_pages_and_totals_the_whole_filtered_set();

    [ElasticsearchFact] public override Task Searching_a_place_name_finds_the_payments_of_that_village() => base.Searching_a_place_name_finds_the_payments_of_that_village();

    [ElasticsearchFact] public override Task A_person_finds_their_own_payments_by_name_and_id_number_only() => base.A_person_finds_their_own_payments_by_name_and_id_number_only();

    [ElasticsearchFact] public override Task A_person_already_published_in_another_village_for_the_same_fund_and_period_is_held_back() => base.A_person_already_published_in_another_village_for_the_same_fund_and_period_is_held_back();

    [ElasticsearchFact] public override void Funds_that_exclude_each_other_are_checked_across_files() => base.Funds_that_exclude_each_other_are_checked_across_files();

    [ElasticsearchFact] public override Task A_run_that_is_not_committed_publishes_nothing() => base.A_run_that_is_not_committed_publishes_nothing();

    [ElasticsearchFact] public override Task Pages_walk_the_whole_filtered_set_in_every_order_without_overlap() => base.Pages_walk_the_whole_filtered_set_in_every_order_without_overlap();

    [ElasticsearchFact] public override Task Periods_lists_the_published_months_newest_first_and_a_single_payment_is_found_by_its_id() => base.Periods_lists_the_published_months_newest_first_and_a_single_payment_is_found_by_its_id();

    [ElasticsearchFact] public override Task A_reader_that_missed_several_commits_is_told_every_region_changed() => base.A_reader_that_missed_several_commits_is_told_every_region_changed();

    [ElasticsearchFact] public override Task An_empty_index_answers_with_nothing() => base.An_empty_index_answers_with_nothing();

    [ElasticsearchFact] public override Task A_full_reindex_moves_the_alias_keeps_the_old_index_and_changes_no_answer() => base.A_full_reindex_moves_the_alias_keeps_the_old_index_and_changes_no_answer();

    [ElasticsearchFact] public override void A_second_writer_is_refused_while_the_first_runs_and_welcome_after() => base.A_second_writer_is_refused_while_the_first_runs_and_welcome_after();

    [ElasticsearchFact] public override Task A_killed_writers_lock_is_refused_while_its_lease_runs_and_taken_over_once_it_has_expired() => base.A_killed_writers_lock_is_refused_while_its_lease_runs_and_taken_over_once_it_has_expired();

    [ElasticsearchFact] public override Task A_writer_whose_lease_was_taken_over_cannot_commit_and_what_it_wrote_never_shows() => base.A_writer_whose_lease_was_taken_over_cannot_commit_and_what_it_wrote_never_shows();

    [ElasticsearchFact] public override Task A_long_sync_keeps_its_lock_by_renewing_it() => base.A_long_sync_keeps_its_lock_by_renewing_it();

    [ElasticsearchFact] public override Task A_writer_opening_right_after_a_commit_keeps_what_it_replaced_until_the_retention_has_passed() => base.A_writer_opening_right_after_a_commit_keeps_what_it_replaced_until_the_retention_has_passed();

    [ElasticsearchFact]
    public void The_cluster_reports_itself_ready()
    {
        using var client = new ElasticsearchClient(ElasticsearchServer.Options(_alias));
        Assert.True(client.Health().Ready);
    }

    [Fact]
    public void Every_payment_index_behaviour_is_also_run_against_Elasticsearch()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(PaymentIndexBehaviour), GetType(), typeof(ElasticsearchFactAttribute)));
        Assert.Empty(SuiteCoverage.NotRerun(typeof(ElasticsearchIndexBehaviour), GetType(), typeof(ElasticsearchFactAttribute)));
    }

    public override void Dispose()
    {
        base.Dispose();
        if (ElasticsearchServer.Url is null) return;
        using var client = new ElasticsearchClient(ElasticsearchServer.Options(_alias));
        foreach (var index in new PaymentIndexAdmin(client, TimeProvider.System).Status().Indices)
            client.Send(HttpMethod.Delete, index.Name, null, notFoundIsNull: true);
        client.Send(HttpMethod.Delete, $"_index_template/{_alias}", null, notFoundIsNull: true);
    }
}
