using Portal.Core.Exhibition;
using Portal.Core.Staff;
using Portal.Core.Tests.Offices;

namespace Portal.Core.Tests.Exhibition;

/// <summary>Who writes news for which office, in the default tree: 开封市纪委监委 above one office per county and district.</summary>
public sealed class NewsOfficesTests
{
    private static readonly NewsOffices Offices = new(OfficeTreeTests.Default());

    private static StaffActor PressOf(string office) => new(Guid.NewGuid(), "宣传干事", StaffRoles.Press, office);

    [Theory]
    [InlineData("410221", "410221", true)]
    [InlineData("410221", "410223", false)]
    [InlineData("410221", "4102", false)]
    [InlineData("410221", null, false)]
    [InlineData("4102", "4102", true)]
    [InlineData("4102", null, true)]
    [InlineData("4102", "410221", true)]
    [InlineData("4102", "410223", true)]
    public void A_county_writes_for_itself_and_the_city_for_itself_or_any_county(string staffOffice, string? newsOffice, bool may)
    {
        Assert.Equal(may, Offices.RefusalToWrite(PressOf(staffOffice), newsOffice) is null);
    }

    [Fact]
    public void A_refusal_names_the_officers_office_and_the_office_they_tried()
    {
        var refusal = Offices.RefusalToWrite(PressOf("410221"), "410223");

        Assert.Equal("你是杞县纪委监委的宣传人员，只能为杞县纪委监委编写、审核和发布新闻，不能为尉氏县纪委监委。", refusal);
        Assert.Contains("不能为开封市纪委监委", Offices.RefusalToWrite(PressOf("410221"), null));
    }

    [Fact]
    public void An_office_that_does_not_exist_or_an_officer_of_no_office_is_refused_in_chinese()
    {
        Assert.Equal("没有代码为“999999”的纪委监委，请从“发布机关”中选择。", Offices.RefusalToWrite(PressOf("4102"), "999999"));
        Assert.Contains("不属于任何纪委监委", Offices.RefusalToWrite(PressOf(""), "410221"));
        Assert.Contains("不属于任何纪委监委", Offices.RefusalToEditExhibition(PressOf("")));
    }

    [Fact]
    public void The_editors_choice_is_the_officers_own_office_first_then_those_below_it()
    {
        Assert.Equal(["410221"], Offices.WritableBy(PressOf("410221")).Select(o => o.Code));
        var city = Offices.WritableBy(PressOf("4102")).Select(o => o.Code).ToList();
        Assert.Equal("4102", city[0]);
        Assert.Equal(OfficeTreeTests.Default().All.Select(o => o.Code).Order(), city.Order());
    }

    [Fact]
    public void Only_the_city_offices_staff_edit_the_exhibitions_halls_and_exhibits()
    {
        Assert.Null(Offices.RefusalToEditExhibition(PressOf("4102")));
        Assert.Equal("展厅和展品面向全市，由开封市纪委监委的宣传人员编辑和发布。你可以为本机关编写新闻。", Offices.RefusalToEditExhibition(PressOf("410221")));
    }

    [Theory]
    [InlineData(null, "开封市纪委监委")]
    [InlineData("410221", "杞县纪委监委")]
    [InlineData("410299", "开封市纪委监委")]
    public void News_without_an_office_or_of_an_office_no_longer_configured_are_the_citys(string? written, string shown)
    {
        var article = new NewsArticle("2026-12-01-x", "标题", "摘要", "", new DateOnly(2026, 12, 1), NewsCategories.News, null, written);

        Assert.Equal(shown, Offices.Of(article).Name);
    }
}
