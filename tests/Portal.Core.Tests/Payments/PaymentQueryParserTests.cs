using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Tests;

namespace Portal.Core.Tests.Payments;

/// <summary>One reading of a payment query for the site and the API: the same link means the same payments on both.</summary>
public class PaymentQueryParserTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static PaymentQueryProblem? Parse(PaymentQueryText text, out PaymentQuery query) =>
        PaymentQueryParser.Search(SampleData.Regions, SampleData.Funds, text, out query);

    [Fact]
    public void A_full_query_reads_as_the_region_fund_month_name_order_and_page_it_names()
    {
        Assert.Null(Parse(new PaymentQueryText(" 410221 ", "rural-dibao", "2026-05", " 张*明 ", "Amount-Desc", "3", "50"), out var query));

        Assert.Equal(new PaymentQuery
        {
            RegionCode = "410221", FundCode = "rural-dibao", Period = new Period(2026, 5), Name = "张*明", Sort = PaymentSort.AmountDesc, Page = 3, PageSize = 50,
        }, query);
    }

    [Fact]
    public void Nothing_chosen_is_the_whole_country_first_page_of_twenty_in_the_default_order()
    {
        Assert.Null(Parse(new PaymentQueryText(Fund: "", Period: " ", Name: ""), out var query));

        Assert.Equal(new PaymentQuery { RegionCode = RegionCatalog.Country.Code, Page = 1, PageSize = PaymentQueryParser.DefaultPageSize }, query);
    }

    [Theory]
    [InlineData("999999", null, null, null, null, null, PaymentQueryField.Region, 0)]
    [InlineData(null, "lottery", null, null, null, null, PaymentQueryField.Fund, 0)]
    [InlineData(null, null, "2026-13", null, null, null, PaymentQueryField.Period, 0)]
    [InlineData(null, null, null, "random", null, null, PaymentQueryField.Sort, 0)]
    [InlineData(null, null, null, null, "0", null, PaymentQueryField.Page, 500)]
    [InlineData(null, null, null, null, "abc", null, PaymentQueryField.Page, 500)]
    [InlineData(null, null, null, null, "101", "100", PaymentQueryField.Page, 100)]
    [InlineData(null, null, null, null, null, "101", PaymentQueryField.PageSize, 100)]
    [InlineData(null, null, null, null, null, "2,3", PaymentQueryField.PageSize, 100)]
    public void A_malformed_value_is_refused_naming_the_field_and_its_limit(
        string? region, string? fund, string? period, string? sort, string? page, string? pageSize, PaymentQueryField field, int limit)
    {
        Assert.Equal(new PaymentQueryProblem(field, limit), Parse(new PaymentQueryText(region, fund, period, null, sort, page, pageSize), out _));
    }

    [Fact]
    public void The_last_page_is_where_every_index_stops_whatever_the_engine()
    {
        Assert.Null(Parse(new PaymentQueryText(Page: "100", PageSize: "100"), out _));
        Assert.Equal(PaymentQuery.MaxResultWindow / 100, PaymentQueryParser.LastPage(100));
        Assert.True(PaymentQueryParser.HasNextPage(new PaymentPage([], 20_000, 0m, 99, 100)));
        Assert.False(PaymentQueryParser.HasNextPage(new PaymentPage([], 20_000, 0m, 100, 100)));
        Assert.False(PaymentQueryParser.HasNextPage(new PaymentPage([], 40, 0m, 2, 20)));
    }

    [Fact]
    public void A_name_of_up_to_thirty_characters_is_searched_and_looked_up_and_a_longer_one_is_refused_the_same_way()
    {
        var thirty = new string('张', 30);
        Assert.Null(Parse(new PaymentQueryText(Name: thirty), out var query));
        Assert.Equal(thirty, query.Name);
        Assert.Equal(new PaymentQueryProblem(PaymentQueryField.Name, 30), Parse(new PaymentQueryText(Name: thirty + "张"), out _));

        var id = "41022119900101123" + IdNumber.CheckCharacter("41022119900101123");
        Assert.Null(PaymentQueryParser.OwnLookup(thirty, id, Today));
        var refused = PaymentQueryParser.OwnLookup(thirty + "张", id, Today);
        Assert.Equal(PaymentQueryField.OwnName, refused?.Field);
        Assert.Contains("不超过 30 个字", refused?.Message);
    }

    [Theory]
    [InlineData("", PaymentQueryField.OwnName, "姓名")]
    [InlineData("张三", PaymentQueryField.IdNumber, "身份证")]
    public void A_self_lookup_without_a_name_or_with_a_wrong_ID_number_says_what_to_correct(string name, PaymentQueryField field, string subject)
    {
        var refused = PaymentQueryParser.OwnLookup(name, "410221199001011230", Today);

        Assert.Equal(field, refused?.Field);
        Assert.Contains(subject, refused?.Message);
    }
}
