using Portal.Core.Offices;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Offices;

/// <summary>管理权限 in the default deployment (开封市纪委监委 over its counties), for every level × kind of place.</summary>
public sealed class JurisdictionTests
{
    private static readonly Jurisdiction Routes = new(OfficeTreeTests.Default(), SampleData.Regions);

    [Theory]
    // 周庄村, a village of 杞县傅集镇
    [InlineData("410221102203", "村（社区）干部", "410221")]
    [InlineData("410221102203", "乡科级及以下", "410221")]
    [InlineData("410221102203", "县处级", "4102")]
    [InlineData("410221102203", "其他", "410221")]
    // 傅集镇, a township of 杞县
    [InlineData("410221102", "村（社区）干部", "410221")]
    [InlineData("410221102", "乡科级及以下", "410221")]
    [InlineData("410221102", "县处级", "4102")]
    [InlineData("410221102", "其他", "410221")]
    // 尉氏县, a county
    [InlineData("410223", "村（社区）干部", "410223")]
    [InlineData("410223", "乡科级及以下", "410223")]
    [InlineData("410223", "县处级", "4102")]
    [InlineData("410223", "其他", "410223")]
    // 北书店街道, a street of 龙亭区 (a district)
    [InlineData("410202001", "乡科级及以下", "410202")]
    // 开封市 itself: a city unit's cadres of any level the city takes in go to the city
    [InlineData("4102", "村（社区）干部", "4102")]
    [InlineData("4102", "乡科级及以下", "4102")]
    [InlineData("4102", "县处级", "4102")]
    [InlineData("4102", "其他", "4102")]
    public void A_report_goes_to_the_most_local_office_with_authority_over_the_accused(string place, string level, string office)
    {
        var routing = Routes.Route(place, ReportTerms.ParseLevel(level)!.Value);

        Assert.Equal(office, routing.Office?.Code);
        Assert.Equal(RoutingRefusal.None, routing.Refusal);
    }

    [Theory]
    [InlineData("410221102203")]
    [InlineData("410221102")]
    [InlineData("410221")]
    [InlineData("4102")]
    public void An_official_above_the_top_office_is_not_taken_in_and_the_reporter_is_told_where_to_report(string place)
    {
        var routing = Routes.Route(place, OfficialLevel.DepartmentalAndAbove);

        Assert.Null(routing.Office);
        Assert.Equal(RoutingRefusal.AboveTopOffice, routing.Refusal);
        Assert.Contains("河南省纪委监委（https://www.hnsjct.gov.cn）", routing.Message);
        Assert.Contains("12388.gov.cn", routing.Message);
    }

    [Theory]
    [InlineData("410102", "村（社区）干部")]
    [InlineData("410102", "县处级")]
    [InlineData("4101", "乡科级及以下")]
    [InlineData("41", "其他")]
    [InlineData("110101001001", "村（社区）干部")]
    [InlineData("410102", "厅局级及以上")]
    public void A_place_outside_the_deployment_is_refused_and_named(string place, string level)
    {
        var routing = Routes.Route(place, ReportTerms.ParseLevel(level)!.Value);

        Assert.Null(routing.Office);
        Assert.Equal(RoutingRefusal.OutsideDeployment, routing.Refusal);
        Assert.Contains("不在本平台受理范围（开封市）", routing.Message);
        Assert.Contains("12388.gov.cn", routing.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("410221999")]
    [InlineData("杞县")]
    public void A_place_that_does_not_exist_is_refused(string place) =>
        Assert.Equal(RoutingRefusal.UnknownPlace, Routes.Route(place, OfficialLevel.Village).Refusal);

    [Fact]
    public void A_province_deployment_takes_in_officials_of_its_departments()
    {
        var folder = Directory.CreateTempSubdirectory("offices-").FullName;
        try
        {
            var path = Path.Combine(folder, "offices.yaml");
            File.WriteAllText(path, """
                elsewhere: {name: 中央纪委国家监委, site: https://www.ccdi.gov.cn}
                offices:
                  - {code: "41", name: 河南省纪委监委, region: "41", levels: [厅局级及以上]}
                  - {code: "4102", name: 开封市纪委监委, parent: "41", region: "4102", levels: [县处级]}
                """);
            var routes = new Jurisdiction(OfficeTree.Load(path, SampleData.Regions), SampleData.Regions);

            Assert.Equal("41", routes.Route("410221", OfficialLevel.DepartmentalAndAbove).Office?.Code);
            Assert.Equal("4102", routes.Route("410221", OfficialLevel.County).Office?.Code);
            Assert.Equal("41", routes.Route("410102", OfficialLevel.County).Office?.Code);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
