using Portal.Core.Payments;
using Portal.Core.WeChat;
using Portal.Tests;

namespace Portal.Core.Tests.WeChat;

public class ChatAnswersTests
{
    private const string Site = "https://jw.example.gov.cn";

    private static ChatAnswers Answers(FakePaymentIndex index) =>
        new(new PlaceQuestionParser(SampleData.Regions, SampleData.Funds, SampleData.Served.Counties), index, SampleData.Regions, SampleData.Funds);

    private static readonly FakePaymentIndex Index = new(
        new PaymentTotal("rural-dibao", 20, 10_400m), new PaymentTotal("elderly-allowance", 12, 1_200m), new PaymentTotal("urban-dibao", 1, 500m));

    private static InboundMessage Text(string content) => new("gh_account", "o_follower", 1714037059, "text", content, "1", null, null);

    private static InboundMessage Event(string name, string? key = null) => new("gh_account", "o_follower", 1714037059, "event", null, null, name, key);

    [Fact]
    public async Task A_village_and_a_fund_get_a_card_with_the_totals_and_a_link_to_the_village_page()
    {
        var reply = Assert.IsType<NewsReply>(await Answers(Index).AnswerAsync(Text("杞县史庄村 农村低保"), Site));
        Assert.Equal("杞县五里河镇史庄村 农村低保公开", reply.Title);
        Assert.Contains("共 20 笔，合计 ¥10,400.00", reply.Description);
        Assert.Equal(Site + "/payments/410221101201?fund=rural-dibao", reply.Url);
    }

    [Fact]
    public async Task A_family_of_funds_adds_up_its_members_and_links_to_every_fund()
    {
        var reply = Assert.IsType<NewsReply>(await Answers(Index).AnswerAsync(Text("杞县史庄村 低保"), Site));
        Assert.Contains("共 21 笔，合计 ¥10,900.00", reply.Description);
        Assert.Contains("农村低保 20 笔 ¥10,400.00；城市低保 1 笔 ¥500.00", reply.Description);
        Assert.Equal(Site + "/payments/410221101201", reply.Url);
    }

    [Fact]
    public async Task A_place_without_a_fund_gets_every_fund()
    {
        var reply = Assert.IsType<NewsReply>(await Answers(Index).AnswerAsync(Text("五里河镇"), Site));
        Assert.Equal("杞县五里河镇 惠民资金公开", reply.Title);
        Assert.Contains("共 33 笔", reply.Description);
    }

    [Fact]
    public async Task A_place_without_payments_says_so_and_links_to_its_page()
    {
        var reply = Assert.IsType<TextReply>(await Answers(new FakePaymentIndex()).AnswerAsync(Text("杞县"), Site));
        Assert.Equal("开封市杞县暂无公开的惠民资金发放记录。全部公开记录：" + Site + "/payments/410221", reply.Content);
    }

    [Fact]
    public async Task An_ambiguous_village_gets_a_short_list_to_choose_from_and_no_figures()
    {
        var index = new FakePaymentIndex();
        var reply = Assert.IsType<TextReply>(await Answers(index).AnswerAsync(Text("史庄村 低保"), Site));
        Assert.Contains("有 2 个地方叫“史庄村”", reply.Content);
        Assert.Contains("1. 杞县五里河镇史庄村", reply.Content);
        Assert.Contains("2. 尉氏县邢庄乡史庄村", reply.Content);
        Assert.Contains("例如“杞县五里河镇史庄村 城市低保、农村低保”", reply.Content);
        Assert.Equal(0, index.Questions);
    }

    [Fact]
    public async Task A_choice_from_the_list_sent_back_is_answered() =>
        Assert.IsType<NewsReply>(await Answers(Index).AnswerAsync(Text("尉氏县邢庄乡史庄村"), Site));

    [Theory]
    [InlineData("查询码 7KQ4-M2XZ-ABCD-EFGH-JKMN 密码 abc12345", "/reports/progress")]
    [InlineData("我的身份证号 41022119800101123X 查一下", "/payments/lookup")]
    public async Task A_query_code_or_ID_number_gets_a_warning_that_repeats_none_of_it(string text, string page)
    {
        var reply = Assert.IsType<TextReply>(await Answers(Index).AnswerAsync(Text(text), Site));
        Assert.Contains("请不要在聊天中发送", reply.Content);
        Assert.Contains(Site + page, reply.Content);
        foreach (var piece in text.Split(' ').Where(p => p.Length >= 4)) Assert.DoesNotContain(piece, reply.Content, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("你好")]
    [InlineData("？")]
    public async Task Anything_else_gets_help(string text) => Assert.Equal(ChatAnswers.Help, Assert.IsType<TextReply>(await Answers(Index).AnswerAsync(Text(text), Site)).Content);

    [Fact]
    public async Task A_new_follower_is_welcomed() => Assert.Equal(ChatAnswers.Welcome, Assert.IsType<TextReply>(await Answers(Index).AnswerAsync(Event("subscribe"), Site)).Content);

    [Fact]
    public async Task The_help_button_gets_help() =>
        Assert.Equal(ChatAnswers.Help, Assert.IsType<TextReply>(await Answers(Index).AnswerAsync(Event("CLICK", ChatAnswers.HelpKey), Site)).Content);

    [Theory]
    [InlineData("unsubscribe")]
    [InlineData("VIEW")]
    [InlineData("LOCATION")]
    public async Task Events_nobody_reads_an_answer_to_get_nothing(string name) => Assert.Same(Reply.Nothing, await Answers(Index).AnswerAsync(Event(name), Site));

    [Theory]
    [InlineData("image")]
    [InlineData("voice")]
    [InlineData("video")]
    [InlineData("location")]
    [InlineData("link")]
    public async Task Pictures_voice_and_the_rest_get_a_polite_note_that_only_text_is_understood(string type) =>
        Assert.Equal(ChatAnswers.OnlyText, Assert.IsType<TextReply>(await Answers(Index).AnswerAsync(Text("") with { MsgType = type, Content = null }, Site)).Content);
}
