using System.Net;
using Portal.Tests;

namespace Portal.Web.Tests.Pages.Exhibition;

public class VisitCounterTests
{
    [Fact]
    public async Task Fifty_visitors_at_once_are_fifty_visits_even_when_the_page_comes_from_the_cache()
    {
        using var site = new ExhibitionSite();
        var client = site.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.GetAsync("/exhibition/qingguan")));
        await site.Visits.FlushAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Contains(responses, r => r.Headers.Age is not null); // some were answered by the output cache
        Assert.Equal(50, site.Visits.Count("qingguan"));
        Assert.Equal(0, site.Visits.Count("jilv"));
    }

    [Fact]
    public async Task Only_views_of_a_hall_page_count_not_its_exhibits_nor_made_up_halls()
    {
        using var site = new ExhibitionSite();
        var client = site.CreateClient();

        await Html.Get(client, "/exhibition/jilv");
        await Html.Get(client, "/exhibition/jilv/rules");
        await Html.Get(client, "/exhibition");
        await Html.Get(client, "/exhibition/made-up", HttpStatusCode.NotFound);
        await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/exhibition/jilv"));
        await site.Visits.FlushAsync();

        Assert.Equal(1, site.Visits.Count("jilv"));
        Assert.Equal(0, site.Visits.Count("made-up"));
    }

    [Fact]
    public async Task Visits_survive_a_restart_and_later_views_add_to_them()
    {
        using var content = new ExhibitionSample();
        using var data = new SampleData();
        using (var before = ExhibitionSite.On(content, data))
        {
            var client = before.CreateClient();
            for (var i = 0; i < 7; i++) await Html.Get(client, "/exhibition/jubao");
        } // stopping the site writes what it counted

        using var after = ExhibitionSite.On(content, data);
        var again = after.CreateClient();
        // The very first page after the restart shows the stored count, not 0.
        Assert.Contains("累计访问量 <b class=\"visits\">7</b> 次", await Html.Get(again, "/exhibition"));
        Assert.Equal(7, after.Visits.Count("jubao"));

        for (var i = 0; i < 3; i++) await Html.Get(again, "/exhibition/jubao");
        await after.Visits.FlushAsync();
        Assert.Equal(10, after.Visits.Count("jubao"));
    }
}
