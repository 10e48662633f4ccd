using Portal.Core.Offices;
using Portal.Core.Reports;
using Portal.Tests;

namespace Portal.Core.Tests.Offices;

public sealed class OfficeTreeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("offices-").FullName;

    public static OfficeTree Default() => OfficeTree.Load(Path.Combine(AppContext.BaseDirectory, "content", "offices.yaml"), SampleData.Regions);

    [Fact]
    public void The_default_deployment_is_Kaifeng_with_one_office_for_each_of_its_counties_and_districts()
    {
        var tree = Default();
        var counties = SampleData.Regions.Children("4102").Select(c => c.Code).ToList();

        Assert.Equal(("4102", "开封市纪委监委", "4102"), (tree.Top.Code, tree.Top.Name, tree.Top.RegionCode));
        Assert.Equal([OfficialLevel.County], tree.Top.Levels);
        Assert.Equal(counties, tree.Subordinates(tree.Top).Select(o => o.RegionCode).Order());
        Assert.All(tree.Subordinates(tree.Top), o => Assert.Equal([OfficialLevel.Village, OfficialLevel.TownshipAndBelow], o.Levels.OrderByDescending(l => l)));
        Assert.Equal("杞县纪委监委", tree.Find("410221")!.Name);
        Assert.Equal(tree.Top, tree.Parent(tree.Find("410221")!));
    }

    [Fact]
    public void Subordinates_are_found_at_any_depth_and_offices_by_the_region_they_lie_in()
    {
        var tree = Write("""
            elsewhere: {name: 河南省纪委监委, site: https://www.hnsjct.gov.cn}
            offices:
              - {code: "41", name: 河南省纪委监委, region: "41", levels: [厅局级及以上]}
              - {code: "4102", name: 开封市纪委监委, parent: "41", region: "4102", levels: [县处级]}
              - {code: "410221", name: 杞县纪委监委, parent: "4102", region: "410221", levels: [乡科级及以下]}
              - {code: "410221102", name: 傅集镇纪委, parent: "410221", region: "410221102", levels: [村（社区）干部]}
              - {code: "4101", name: 郑州市纪委监委, parent: "41", region: "4101", levels: [县处级]}
            """);

        Assert.Equal(["4102", "4101", "410221", "410221102"], tree.Subordinates(tree.Top).Select(o => o.Code));
        Assert.Equal(["410221", "410221102"], tree.Subordinates(tree.Find("4102")!).Select(o => o.Code));
        Assert.Empty(tree.Subordinates(tree.Find("410221102")!));
        Assert.Equal(["4102", "410221", "410221102"], tree.WithinRegion("4102").Select(o => o.Code));
        Assert.Equal(["410221", "410221102"], tree.WithinRegion("410221").Select(o => o.Code));
        Assert.True(tree.IsWithin(tree.Find("410221102")!, tree.Find("4102")!));
        Assert.False(tree.IsWithin(tree.Find("4101")!, tree.Find("4102")!));
    }

    [Theory]
    [InlineData("""{code: "x", name: 某县纪委监委, parent: "4102", region: "9999", levels: [县处级]}""", "区划代码“9999”不存在")]
    [InlineData("""{code: "4102", name: 开封市纪委监委, region: "4102", levels: [县处级]}""", "机关代码“4102”重复")]
    [InlineData("""{code: "410101", name: 中原区纪委监委, parent: "4102", region: "410102", levels: [乡科级及以下]}""", "不在上级机关 开封市纪委监委 的区划 4102 之内")]
    [InlineData("""{code: "x", name: 某县纪委监委, parent: "nobody", region: "410221", levels: [乡科级及以下]}""", "上级机关“nobody”不存在")]
    [InlineData("""{code: "x", name: 某县纪委监委, parent: "4102", region: "410221", levels: [科长]}""", "级别“科长”无效")]
    [InlineData("""{code: "x", name: 又一个市纪委, region: "4102", levels: [县处级]}""", "最上级机关只能有一个")]
    public void A_bad_offices_file_is_refused_with_a_sentence_that_names_the_office_and_the_problem(string extra, string problem)
    {
        var error = Assert.Throws<InvalidDataException>(() => Write($$"""
            elsewhere: {name: 河南省纪委监委, site: https://www.hnsjct.gov.cn}
            offices:
              - {code: "4102", name: 开封市纪委监委, region: "4102", levels: [县处级]}
              - {{extra}}
            """));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void Offices_whose_parents_point_at_each_other_are_refused_as_a_cycle()
    {
        var error = Assert.Throws<InvalidDataException>(() => Write("""
            elsewhere: {name: 河南省纪委监委, site: https://www.hnsjct.gov.cn}
            offices:
              - {code: "4102", name: 开封市纪委监委, region: "4102", levels: [县处级]}
              - {code: "a", name: 甲, parent: "b", region: "410221", levels: [乡科级及以下]}
              - {code: "b", name: 乙, parent: "a", region: "410221", levels: [乡科级及以下]}
            """));
        Assert.Contains("成环", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_yaml_names_its_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => Write("offices:\n  - {code: \"4102\", name: [\n"));
        Assert.Contains("格式有误", error.Message);
    }

    private OfficeTree Write(string yaml)
    {
        var path = Path.Combine(_folder, "offices.yaml");
        File.WriteAllText(path, yaml);
        return OfficeTree.Load(path, SampleData.Regions);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
