using Portal.Core.Offices;
using Portal.Core.Staff;

namespace Portal.Core.Exhibition;

/// <summary>
/// Whose news a news item is, and who may write for which office. Staff write, review and publish news for their own
/// office and any office below it, never for an office beside or above theirs. News without an office (the bundled
/// content/exhibition) and news of an office no longer configured are the top office's. The exhibition's halls and
/// exhibits are city-wide: only the top office's staff edit them.
/// </summary>
public sealed class NewsOffices(OfficeTree offices)
{
    public Office Top => offices.Top;

    /// <summary>Every office, in the order of content/offices.yaml, the top office first.</summary>
    public IReadOnlyList<Office> All => offices.All;

    public Office? Find(string? code) => offices.Find(code);

    /// <summary>The office a news item is published by.</summary>
    public Office Of(NewsArticle article) => Of(article.OfficeCode);

    /// <summary>The office of a news item's <c>office</c> as written.</summary>
    public Office Of(string? officeCode) => offices.Find(officeCode) ?? offices.Top;

    /// <summary>The offices the actor may write news for: their own first, then every office below it.</summary>
    public IReadOnlyList<Office> WritableBy(StaffActor actor) =>
        offices.Find(actor.Office) is { } own ? [own, .. offices.Subordinates(own)] : [];

    /// <summary>Why the actor may not write news for the office (null for the top office's), or null when they may.</summary>
    public string? RefusalToWrite(StaffActor actor, string? officeCode)
    {
        if (offices.Find(actor.Office) is not { } own) return NoOffice;
        var office = string.IsNullOrWhiteSpace(officeCode) ? offices.Top : offices.Find(officeCode);
        if (office is null) return $"没有代码为“{officeCode!.Trim()}”的纪委监委，请从“发布机关”中选择。";
        if (offices.IsWithin(office, own)) return null;
        return $"你是{own.Name}的宣传人员，只能为{own.Name}{(offices.Subordinates(own).Count > 0 ? "及其下级机关" : "")}编写、审核和发布新闻，不能为{office.Name}。";
    }

    /// <summary>Why the actor may not edit the exhibition's halls and exhibits, or null when they may.</summary>
    public string? RefusalToEditExhibition(StaffActor actor) =>
        offices.Find(actor.Office) is null ? NoOffice
        : actor.Office.Trim() == offices.Top.Code ? null
        : $"展厅和展品面向全市，由{offices.Top.Name}的宣传人员编辑和发布。你可以为本机关编写新闻。";

    private const string NoOffice = "你的账号不属于任何纪委监委，不能编辑展厅和新闻。请管理员为账号设定所属机关。";
}
