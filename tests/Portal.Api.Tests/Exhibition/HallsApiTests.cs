using System.Net;
using Portal.Api.Exhibition;

namespace Portal.Api.Tests.Exhibition;

[Collection(ExhibitionCollection.Name)]
public class HallsApiTests(ExhibitionApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_hall_list_gives_the_halls_in_visiting_order_with_cover_exhibit_count_visits_and_a_link()
    {
        var halls = await _client.AnswerAsync<List<HallSummaryAnswer>>("/api/v1/exhibition/halls");

        Assert.Equal(["honest-officials", "rules"], halls.Select(h => h.Slug));
        var first = halls[0];
        Assert.Equal("古代清官", first.Title);
        Assert.Equal("包拯、于谦、海瑞的故事。", first.Summary);
        Assert.Equal(new ImageAnswer("http://localhost/media/exhibition/covers/officials.svg", "三位清官的画像"), first.Cover);
        Assert.Equal([4, 2], halls.Select(h => h.ExhibitCount));
        Assert.Equal(["/api/v1/exhibition/halls/honest-officials", "/api/v1/exhibition/halls/rules"], halls.Select(h => h.Links.Self));
        Assert.Equal(halls.Select(h => factory.Visits.Count(h.Slug)), halls.Select(h => h.Visits));
    }

    [Fact]
    public async Task A_hall_gives_its_introduction_and_its_exhibits_in_walking_order_with_thumbnails()
    {
        var hall = await _client.AnswerAsync<HallAnswer>("/api/v1/exhibition/halls/honest-officials");

        Assert.Equal("古代清官", hall.Title);
        Assert.Contains("<h2>导语</h2>", hall.IntroductionHtml);
        Assert.Contains("清廉自守", hall.IntroductionHtml);
        Assert.Equal("http://localhost/media/exhibition/covers/officials.svg", hall.Cover?.Url);
        Assert.Equal(
            [
                new ExhibitSummaryAnswer("honest-officials/baozheng", 1, "image", "包拯：铁面无私", "开封府大堂", "http://localhost/media/exhibition/baozheng/kaifeng-fu.svg"),
                new ExhibitSummaryAnswer("honest-officials/yuqian", 2, "series", "于谦：两袖清风", "连环画三格", "http://localhost/media/exhibition/yuqian/panel-1.svg"),
                new ExhibitSummaryAnswer("honest-officials/haerui", 3, "audio", "海瑞：语音导览", null, null),
                new ExhibitSummaryAnswer("honest-officials/afterword", 4, "text", "结语", null, null),
            ],
            hall.Exhibits);
    }

    [Fact]
    public async Task Viewing_a_hall_through_the_api_counts_a_visit_and_so_does_revalidating_it()
    {
        var before = await _client.GetAsync("/api/v1/exhibition/halls");
        var counts = await _client.AnswerAsync<List<HallSummaryAnswer>>("/api/v1/exhibition/halls");

        var first = await _client.GetAsync("/api/v1/exhibition/halls/honest-officials");
        var again = await _client.GetIfNoneMatchAsync("/api/v1/exhibition/halls/honest-officials", first.ETag());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        var after = await _client.GetAsync("/api/v1/exhibition/halls");
        var now = await _client.AnswerAsync<List<HallSummaryAnswer>>("/api/v1/exhibition/halls");
        Assert.Equal(counts[0].Visits + 2, now[0].Visits);
        Assert.Equal(counts[1].Visits, now[1].Visits);
        // The list's tag covers the counts: a phone revalidating its list gets the new counts, not a 304.
        Assert.NotEqual(before.ETag(), after.ETag());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetIfNoneMatchAsync("/api/v1/exhibition/halls", before.ETag())).StatusCode);

        await factory.Visits.FlushAsync();
        var stored = await _client.AnswerAsync<List<HallSummaryAnswer>>("/api/v1/exhibition/halls");
        Assert.Equal(now.Select(h => h.Visits), stored.Select(h => h.Visits));
    }

    [Fact]
    public async Task The_hall_list_does_not_count_visits_and_keeps_its_tag_while_nobody_views_a_hall()
    {
        var first = await _client.GetAsync("/api/v1/exhibition/halls");
        var second = await _client.GetAsync("/api/v1/exhibition/halls");

        Assert.Equal(first.ETag(), second.ETag());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_hall_is_a_404_problem_in_chinese_and_counts_no_visit()
    {
        var response = await _client.GetAsync("/api/v1/exhibition/halls/no-such-hall");

        var problem = await Problems.AssertProblem(response, HttpStatusCode.NotFound);
        Assert.Contains("/api/v1/exhibition/halls", problem.GetProperty("detail").GetString());
        Assert.Equal(0, factory.Visits.Count("no-such-hall"));
        Assert.Null(response.Headers.ETag);
    }
}
