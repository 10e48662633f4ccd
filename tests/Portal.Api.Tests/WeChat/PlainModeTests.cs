using System.Globalization;
using System.Net;
using Portal.Core.Payments;
using Portal.Core.Regions;
using Portal.Core.WeChat;
using Portal.Tests;

namespace Portal.Api.Tests.WeChat;

public class PlainModeTests(PlainWeChat host) : IClassFixture<PlainWeChat>
{
    private readonly WeChatPlatform _platform = new(host.Client, seal: false);

    private static IReadOnlyDictionary<string, string> Fields(string xml) => SafeXml.ReadFields(xml) ?? throw new Xunit.Sdk.XunitException("not XML: " + xml);

    [Fact]
    public async Task The_platforms_URL_check_gets_its_echostr_back()
    {
        var timestamp = WeChatPlatform.Now.ToString(CultureInfo.InvariantCulture);
        var signature = WeChatSignature.Compute(WeChatOnKestrel.Token, timestamp, "1514711492");
        var response = await host.Client.GetAsync($"/wechat?signature={signature}&echostr=4375120948345356249&timestamp={timestamp}&nonce=1514711492");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("4375120948345356249", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_URL_check_with_a_wrong_signature_is_refused_in_chinese()
    {
        var timestamp = WeChatPlatform.Now.ToString(CultureInfo.InvariantCulture);
        var response = await host.Client.GetAsync($"/wechat?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&echostr=4375120948345356249&timestamp={timestamp}&nonce=1514711492");
        var problem = await Problems.AssertProblem(response, HttpStatusCode.Forbidden);
        Assert.DoesNotContain("4375120948345356249", problem.ToString());
    }

    [Fact]
    public async Task A_villager_who_sends_their_village_gets_its_totals_and_a_link_to_its_page()
    {
        var village = host.Data.Rows.GroupBy(r => r.Person.Village).OrderByDescending(g => g.Count()).First();
        var township = SampleData.Regions.Find(village.Key.ParentCode)!;
        var xml = await _platform.Reply(WeChatPlatform.Text(township.Name + " " + RegionCatalog.DisplayName(village.Key)));

        var reply = Fields(xml);
        Assert.Equal("news", reply["MsgType"]);
        Assert.Equal(WeChatPlatform.Follower, reply["ToUserName"]);
        Assert.Contains($"共 {village.Count()} 笔，合计 {Money.Yuan(village.Sum(r => r.Amount))}", xml);
        Assert.Contains($"<Url><![CDATA[{WeChatOnKestrel.Site}/payments/{village.Key.Code}]]></Url>", xml);
    }

    [Fact]
    public async Task A_village_name_two_counties_share_gets_a_list_to_choose_from()
    {
        var reply = Fields(await _platform.Reply(WeChatPlatform.Text("史庄村 低保")));
        Assert.Equal("text", reply["MsgType"]);
        Assert.Contains("1. 杞县五里河镇史庄村", reply["Content"]);
        Assert.Contains("2. 尉氏县邢庄乡史庄村", reply["Content"]);
    }

    [Fact]
    public async Task A_county_and_a_fund_get_that_funds_totals_with_the_fund_in_the_link()
    {
        var rows = host.Data.Rows.Where(r => r.Fund.Code == "elderly-allowance").ToList();
        var xml = await _platform.Reply(WeChatPlatform.Text("杞县 高龄津贴"));
        Assert.Contains($"共 {rows.Count} 笔，合计 {Money.Yuan(rows.Sum(r => r.Amount))}", xml);
        Assert.Contains($"{WeChatOnKestrel.Site}/payments/410221?fund=elderly-allowance", xml);
    }

    [Fact]
    public async Task A_new_follower_is_welcomed_and_one_who_leaves_gets_success()
    {
        Assert.Equal(ChatAnswers.Welcome, Fields(await _platform.Reply(WeChatPlatform.Event("subscribe")))["Content"]);
        Assert.Equal("success", await _platform.Reply(WeChatPlatform.Event("unsubscribe")));
    }

    [Fact]
    public async Task The_help_button_is_answered_and_a_link_button_gets_success()
    {
        Assert.Equal(ChatAnswers.Help, Fields(await _platform.Reply(WeChatPlatform.Event("CLICK", ChatAnswers.HelpKey)))["Content"]);
        Assert.Equal("success", await _platform.Reply(WeChatPlatform.Event("VIEW", WeChatOnKestrel.Site + "/payments")));
    }

    [Theory]
    [InlineData("image", "<PicUrl><![CDATA[http://mmbiz.qpic.cn/x]]></PicUrl><MediaId><![CDATA[m1]]></MediaId>")]
    [InlineData("voice", "<MediaId><![CDATA[m2]]></MediaId><Format><![CDATA[amr]]></Format>")]
    [InlineData("location", "<Location_X>34.5</Location_X><Location_Y>114.7</Location_Y><Scale>15</Scale><Label><![CDATA[杞县]]></Label>")]
    [InlineData("video", "<MediaId><![CDATA[m3]]></MediaId><ThumbMediaId><![CDATA[t3]]></ThumbMediaId>")]
    public async Task Pictures_voice_places_and_videos_get_a_polite_note(string type, string fields) =>
        Assert.Equal(ChatAnswers.OnlyText, Fields(await _platform.Reply(WeChatPlatform.Message(type, fields)))["Content"]);

    [Fact]
    public async Task A_message_the_platform_retries_is_worked_out_once_and_every_try_gets_the_same_answer()
    {
        var message = WeChatPlatform.Text("杞县", _platform.NextMessageId());
        var before = host.Received;
        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var answer = await _platform.Reply(message);
            answers.Add(answer[answer.IndexOf("<MsgType>", StringComparison.Ordinal)..]);
        }
        Assert.Equal(before + 1, host.Received);
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task An_event_the_platform_retries_is_known_by_its_sender_and_time()
    {
        var subscribe = WeChatPlatform.Event("subscribe", createTime: WeChatPlatform.Now - 7);
        var before = host.Received;
        await _platform.Reply(subscribe);
        await _platform.Reply(subscribe);
        Assert.Equal(before + 1, host.Received);
    }

    [Fact]
    public async Task A_sealed_message_is_refused_in_plain_mode()
    {
        var before = host.Received;
        var response = await _platform.Push(WeChatPlatform.Text("杞县"), sealBody: true);
        await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, host.Received);
    }
}
