using System.Globalization;
using Portal.Core.Funds;
using Portal.Core.Payments;
using Portal.Core.Regions;

namespace Portal.Core.WeChat;

/// <summary>
/// What the account says to a follower: payments for the place they name, a short list when the name is ambiguous,
/// a warning instead of an echo for a query code or password, and polite help for everything else.
/// </summary>
public sealed class ChatAnswers(PlaceQuestionParser questions, IPaymentIndex index, RegionCatalog regions, FundCatalog catalog)
{
    /// <summary>The menu's CLICK key that asks for help (deploy/wechat/menu.json).</summary>
    public const string HelpKey = "PORTAL_HELP";

    /// <summary>How many places an ambiguous name lists before asking for the county.</summary>
    public const int MaxChoices = 6;

    public const string Help =
        "发送村、乡镇或县的名称，可加上资金名称，即可查看惠民资金发放情况，例如：史庄村 低保、五里河镇、杞县。\n" +
        "也可以点下方菜单：惠民监督 看全部公开记录，在线举报 反映问题，进度查询 凭查询码查看办理进度，廉政展厅 在线参观。";

    public const string Welcome = "感谢关注！\n" + Help;

    public const string OnlyText = "暂时只能看懂文字消息。\n" + Help;

    /// <summary>The answer to one message; links start at <paramref name="siteRoot"/> (the site's public address).</summary>
    public async Task<Reply> AnswerAsync(InboundMessage message, string siteRoot, CancellationToken cancellationToken = default)
    {
        if (message.IsEvent)
            return message.Event?.ToLowerInvariant() switch
            {
                "subscribe" => new TextReply(Welcome),
                "click" => new TextReply(Help),
                // Unsubscribed followers cannot be written to; a VIEW opens a page and shows no reply.
                _ => Reply.Nothing,
            };
        if (message.MsgType != "text") return new TextReply(OnlyText);

        var text = (message.Content ?? "").Trim();
        switch (SensitiveText.Detect(text))
        {
            case SensitiveKind.QueryCode or SensitiveKind.Password:
                return new TextReply("为了您的安全，请不要在聊天中发送查询码或密码，本号不会保存这条消息。查看举报办理进度请打开“进度查询”：" + siteRoot + "/reports/progress");
            case SensitiveKind.IdNumber:
                return new TextReply("为了您的安全，请不要在聊天中发送身份证号码，本号不会保存这条消息。查询本人领取记录请打开：" + siteRoot + "/payments/lookup");
        }
        if (text.Length > PlaceQuestionParser.MaxQuestionLength || questions.Parse(text) is not { } question) return new TextReply(Help);
        return question.Places.Count switch
        {
            0 when question.Funds.Count > 0 => new TextReply($"请告诉我村、乡镇或县的名称，例如：史庄村 {FundWords(question.Funds)}。"),
            0 => new TextReply("没有找到这样的地方。请检查名称，或只发村名（如“史庄村”），再按提示选择。"),
            1 => await TotalsAsync(question.Places[0], question.Funds, siteRoot, cancellationToken),
            _ => Choices(question),
        };
    }

    private async Task<Reply> TotalsAsync(Region place, IReadOnlyList<Fund> funds, string siteRoot, CancellationToken cancellationToken)
    {
        var totals = (await index.SummarizeAsync(place.Code, null, null, SummaryGrouping.Fund, cancellationToken))
            .Where(t => funds.Count == 0 || funds.Any(f => f.Code == t.Key)).OrderByDescending(t => t.Amount).ToList();
        var label = Label(place);
        var what = funds.Count == 0 ? "惠民资金" : FundWords(funds);
        var url = siteRoot + "/payments/" + place.Code + (funds.Count == 1 ? "?fund=" + Uri.EscapeDataString(funds[0].Code) : "");
        var count = totals.Sum(t => t.Count);
        if (count == 0) return new TextReply($"{label}暂无公开的{what}发放记录。全部公开记录：{url}");

        var byFund = string.Join("；", totals.Take(3).Select(t => $"{catalog.ByCode(t.Key)?.Name ?? t.Key} {t.Count.ToString(CultureInfo.InvariantCulture)} 笔 {Money.Yuan(t.Amount)}"));
        return new NewsReply(
            $"{label} {what}公开",
            $"共 {count.ToString(CultureInfo.InvariantCulture)} 笔，合计 {Money.Yuan(totals.Sum(t => t.Amount))}。{(totals.Count > 1 ? byFund + "。" : "")}点开查看每一笔。",
            url);
    }

    private TextReply Choices(PlaceQuestion question)
    {
        var name = RegionCatalog.DisplayName(question.Places[0]);
        var lines = question.Places.Take(MaxChoices).Select((p, i) => $"{i + 1}. {Label(p)}");
        var more = question.Places.Count > MaxChoices ? $"\n……还有 {question.Places.Count - MaxChoices} 个，请加上县名。" : "";
        var fund = question.Funds.Count > 0 ? " " + FundWords(question.Funds) : "";
        return new TextReply($"有 {question.Places.Count} 个地方叫“{name}”，请回复完整名称{(fund.Length > 0 ? "和资金" : "")}，例如“{Label(question.Places[0])}{fund}”：\n{string.Join("\n", lines)}{more}");
    }

    /// <summary>From the county down (杞县五里河镇史庄村); a county also names its city (开封市杞县).</summary>
    private string Label(Region place) => string.Concat(regions.Path(place)
        .Where(r => r.Level >= (place.Level == RegionLevel.County ? RegionLevel.City : RegionLevel.County))
        .Select(RegionCatalog.DisplayName));

    private static string FundWords(IReadOnlyList<Fund> funds) => string.Join("、", funds.Select(f => f.Name));
}
