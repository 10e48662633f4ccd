using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Portal.Core.Database;
using Portal.Core.Regions;
using Portal.Core.Supervision;
using Portal.Tests;

namespace Portal.Core.Tests.Supervision;

/// <summary>The public figures of supervision, summed from payment subjects and clues on a real database (each provider by a subclass).</summary>
public abstract class SupervisionStatisticsBehaviour : IAsyncLifetime
{
    // 2026-06-12 in Beijing: the window is 2025-07 to 2026-06.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 12, 2, 0, 0, TimeSpan.Zero));
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("portal-supervision-").FullName;
    private DatabaseOptions _database = null!;
    private PortalDb _db = null!;

    private static readonly RegionCatalog Regions = SampleData.Regions;
    private static readonly Region Qixian = Regions.Find("410221")!;
    private static readonly Region Tongxu = Regions.Find("410222")!;
    private static readonly Region FirstTownship = Regions.Children(Qixian.Code)[0];
    private static readonly Region SecondTownship = Regions.Children(Qixian.Code)[1];

    protected abstract DatabaseOptions NewDatabase();

    protected virtual void DropDatabase(DatabaseOptions database) { }

    public async Task InitializeAsync()
    {
        _database = NewDatabase();
        _db = DatabaseRegistration.Create(_database, new PortalOptions { DataDirectory = _dataDirectory });
        await _db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        DropDatabase(_database);
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private SupervisionStatistics Statistics => new(_db, Regions, _clock);

    private static Region VillageOf(Region township) => Regions.Children(township.Code)[0];

    private Task Payments(Region village, int period, int count) => SupervisionSample.AddPaymentsAsync(_db, village.Code, period, count);

    private Task Clue(Region village, int period, ClueState state, decimal? recovered = null) =>
        SupervisionSample.AddClueAsync(_db, village.Code, period, state, recovered);

    [Fact]
    public virtual async Task A_county_sums_payments_checked_clues_found_true_and_rectified_with_the_amount_recovered()
    {
        var village = VillageOf(FirstTownship);
        await Payments(village, 202605, 10);
        await Clue(village, 202605, ClueState.Open);
        await Clue(village, 202605, ClueState.Unfounded);
        await Clue(village, 202605, ClueState.Confirmed);
        await Clue(village, 202605, ClueState.PartlyConfirmed);
        await Clue(village, 202605, ClueState.Rectifying);
        await Clue(village, 202605, ClueState.Rectified, 400);
        await Clue(village, 202605, ClueState.Rectified, 350.5m);
        await Clue(village, 202605, ClueState.Rectified, 0);

        var total = (await Statistics.SummaryAsync(Qixian)).Total;

        Assert.Equal((10, 8, 6, 3), (total.Checked.Value, total.Flagged.Value, total.Confirmed.Value, total.Rectified.Value));
        Assert.Equal(750.5m, total.ShownRecoveredAmount);
    }

    [Fact]
    public virtual async Task One_or_two_are_shown_only_as_fewer_than_three_and_the_amount_of_one_or_two_rectified_is_withheld()
    {
        var village = VillageOf(FirstTownship);
        await Payments(village, 202605, 4);
        await Clue(village, 202605, ClueState.Rectified, 400);
        await Clue(village, 202605, ClueState.Confirmed);

        var total = (await Statistics.SummaryAsync(Qixian)).Total;

        Assert.Equal("4", total.Checked.Text);
        Assert.Equal(("少于3", "少于3", "少于3"), (total.Flagged.Text, total.Confirmed.Text, total.Rectified.Text));
        Assert.Null(total.ShownRecoveredAmount);
        Assert.Equal("0", SupervisionFigures.None.Flagged.Text);
    }

    [Fact]
    public virtual async Task A_county_lists_its_townships_and_a_township_counts_only_its_own_villages()
    {
        await Payments(VillageOf(FirstTownship), 202605, 5);
        await Payments(VillageOf(SecondTownship), 202605, 7);
        await Payments(Regions.Children(Tongxu.Code).SelectMany(t => Regions.Children(t.Code)).First(), 202605, 9);

        var county = await Statistics.SummaryAsync(Qixian);
        var township = await Statistics.SummaryAsync(SecondTownship);

        Assert.Equal(12, county.Total.Checked.Value);
        Assert.Equal([(FirstTownship.Code, 5), (SecondTownship.Code, 7)], county.Parts.Select(p => (p.Part.Code, p.Figures.Checked.Value)));
        Assert.All(county.Parts, p => Assert.Equal(RegionLevel.Township, p.Part.Level));
        Assert.Equal(7, township.Total.Checked.Value);
        Assert.Empty(township.Parts);
    }

    [Fact]
    public virtual async Task A_city_and_a_province_count_their_counties_and_list_the_level_below()
    {
        await Payments(VillageOf(FirstTownship), 202605, 5);
        await Payments(Regions.Children(Tongxu.Code).SelectMany(t => Regions.Children(t.Code)).First(), 202605, 9);

        var city = await Statistics.SummaryAsync(Regions.Find("4102")!);
        var province = await Statistics.SummaryAsync(Regions.Find("41")!);

        Assert.Equal([("410221", 5), ("410222", 9)], city.Parts.Select(p => (p.Part.Code, p.Figures.Checked.Value)));
        Assert.Equal([("4102", 14)], province.Parts.Select(p => (p.Part.Code, p.Figures.Checked.Value)));
    }

    [Fact]
    public virtual async Task Each_payment_month_of_the_last_year_is_counted_newest_first_and_older_months_are_left_out()
    {
        var village = VillageOf(FirstTownship);
        await Payments(village, 202604, 3);
        await Payments(village, 202606, 4);
        await Payments(village, 202506, 50);
        await Clue(village, 202506, ClueState.Open);

        var summary = await Statistics.SummaryAsync(Qixian);

        Assert.Equal([(202606, 4), (202604, 3)], summary.Periods.Select(p => (p.Period.Value, p.Figures.Checked.Value)));
        Assert.Equal((202507, 202606), (summary.From.Value, summary.To.Value));
        Assert.Equal((7, 0), (summary.Total.Checked.Value, summary.Total.Flagged.Value));
    }

    [Fact]
    public virtual async Task A_village_is_never_summed_for_the_public()
    {
        var village = VillageOf(FirstTownship);
        await Payments(village, 202605, 5);

        Assert.False(SupervisionStatistics.IsPublicLevel(village));
        await Assert.ThrowsAsync<ArgumentException>(() => Statistics.SummaryAsync(village));
    }
}

public sealed class SqliteSupervisionStatisticsTests : SupervisionStatisticsBehaviour
{
    protected override DatabaseOptions NewDatabase() => new();
}

public sealed class PostgresSupervisionStatisticsTests : SupervisionStatisticsBehaviour
{
    protected override DatabaseOptions NewDatabase() => TestServers.Postgres is null
        ? new DatabaseOptions() // the tests skip; InitializeAsync still runs
        : new DatabaseOptions { Provider = "postgres", ConnectionString = TestServers.CreatePostgresDatabase() };

    protected override void DropDatabase(DatabaseOptions database)
    {
        if (database.IsPostgres) TestServers.DropPostgresDatabase(database.ConnectionString);
    }

    [Fact]
    public void Every_statistics_behaviour_is_also_run_against_PostgreSQL()
    {
        Assert.Empty(SuiteCoverage.NotRerun(typeof(SupervisionStatisticsBehaviour), GetType(), typeof(PostgresFactAttribute)));
    }

    [PostgresFact] public override Task A_county_sums_payments_checked_clues_found_true_and_rectified_with_the_amount_recovered() => base.A_county_sums_payments_checked_clues_found_true_and_rectified_with_the_amount_recovered();

    [PostgresFact] public override Task One_or_two_are_shown_only_as_fewer_than_three_and_the_amount_of_one_or_two_rectified_is_withheld() => base.One_or_two_are_shown_only_as_fewer_than_three_and_the_amount_of_one_or_two_rectified_is_withheld();

    [PostgresFact] public override Task A_county_lists_its_townships_and_a_township_counts_only_its_own_villages() => base.A_county_lists_its_townships_and_a_township_counts_only_its_own_villages();

    [PostgresFact] public override Task A_city_and_a_province_count_their_counties_and_list_the_level_below() => base.A_city_and_a_province_count_their_counties_and_list_the_level_below();

    [PostgresFact] public override Task Each_payment_month_of_the_last_year_is_counted_newest_first_and_older_months_are_left_out() => base.Each_payment_month_of_the_last_year_is_counted_newest_first_and_older_months_are_left_out();

    [PostgresFact] public override Task A_village_is_never_summed_for_the_public() => base.A_village_is_never_summed_for_the_public();
}
