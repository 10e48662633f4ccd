using Microsoft.EntityFrameworkCore;
using Portal.Core.Supervision;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Supervision;

/// <summary>The five rule cards against payments and reference lists: hits, near misses and boundaries, and a clue found again staying the same clue.</summary>
public class ClueRulesTests
{
    private static readonly string Zhang = ExportFiles.Id(1);
    private static readonly string Li = ExportFiles.Id(2);
    private const string Officials = "姓名,身份证号,工作单位,职务,亲属姓名,亲属身份证号,与本人关系";

    [Fact]
    public void The_rule_card_file_parses_and_each_card_has_one_implementation_and_each_implementation_a_card()
    {
        var cards = SupervisionWorld.Cards.Rules.Select(r => r.Card).ToList();

        Assert.Equal(["deceased", "official", "official-relative", "vehicle", "business"], cards.Select(c => c.Code));
        Assert.Equal(ClueRules.All.Select(r => r.Code).Order(), cards.Select(c => c.Code).Order());
        Assert.All(cards, c => Assert.True(c.Title.Length > 0 && c.Description.Length > 0 && c.Version >= 1));
        Assert.True(cards[0].AllFunds);
        Assert.Equal(ClueLevel.Red, cards.Single(c => c.Code == "official").Level);
        Assert.Equal(["rural-dibao", "tekun", "urban-dibao"], cards.Single(c => c.Code == "official").Funds.Order());
        Assert.Equal(["rural-dibao", "urban-dibao"], cards.Single(c => c.Code == "vehicle").Funds.Order());
    }

    [Fact]
    public void A_card_naming_an_unknown_rule_or_fund_is_refused_with_the_file_and_the_code()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rules-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "supervision", "rules.yaml")).Replace("code: business", "code: pension"));
            Assert.Contains("规则 pension 没有实现", Assert.Throws<InvalidDataException>(() => RuleCards.Load(path, SampleData.Funds)).Message);
            File.WriteAllText(path, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "supervision", "rules.yaml")).Replace("[urban-dibao, rural-dibao, tekun]", "[dibao]"));
            Assert.Contains("资金代码 dibao 不在资金目录", Assert.Throws<InvalidDataException>(() => RuleCards.Load(path, SampleData.Funds)).Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task Deceased_fires_on_months_after_the_month_of_death_for_any_fund_and_not_on_the_month_itself()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.PublishAsync(
            ExportFiles.Row(1, "张三明", Zhang, period: "2026-03"),
            ExportFiles.Row(2, "张三明", Zhang, period: "2026-04"),
            ExportFiles.Row(3, "张三明", Zhang, amount: "100.00", fund: "高龄津贴", period: "2026-05"));

        var run = (await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"张三明,{Zhang},2026-03-31"))).Clues;

        Assert.Equal(3, run.Checked);
        Assert.Equal([(202604, "rural-dibao"), (202605, "elderly-allowance")], run.Clues.Select(c => (c.Period, c.FundCode)));
        Assert.All(run.Clues, c => Assert.Equal(("deceased", ClueLevel.Red, "死亡日期 2026-03", ClueState.Open), (c.RuleCode, c.Level, c.Reason, c.State)));
    }

    [Fact]
    public async Task A_namesake_with_another_id_number_is_not_a_hit()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"));

        var run = (await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"张三明,{Li},2026-01-01"))).Clues;

        Assert.Empty(run.Clues);
    }

    [Fact]
    public async Task An_official_himself_on_dibao_or_tekun_is_red_and_on_another_fund_is_nothing()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.PublishAsync(
            ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"),
            ExportFiles.Row(2, "李四", Li, amount: "100.00", fund: "高龄津贴", period: "2026-05"));

        var run = (await world.ImportAsync(ReferenceKind.Officials, world.List(Officials, $"张三明,{Zhang},五里河镇人民政府,科员,,,", $"李四,{Li},杞县财政局,副局长,,,"))).Clues;

        var clue = Assert.Single(run.Clues);
        Assert.Equal(("official", ClueLevel.Red, "工作单位 五里河镇人民政府；职务 科员", "rural-dibao"), (clue.RuleCode, clue.Level, clue.Reason, clue.FundCode));
    }

    [Fact]
    public async Task A_close_relative_of_an_official_on_dibao_is_yellow_and_a_cousin_is_not()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var cousin = ExportFiles.Id(3);
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"), ExportFiles.Row(2, "李四", cousin, period: "2026-05"));

        var run = (await world.ImportAsync(ReferenceKind.Officials, world.List(Officials,
            $"王建国,{ExportFiles.Id(9)},史庄村村民委员会,村委会主任,张三明,{Zhang},父亲",
            $"王建国,{ExportFiles.Id(9)},史庄村村民委员会,村委会主任,李四,{cousin},表兄弟"))).Clues;

        var clue = Assert.Single(run.Clues);
        Assert.Equal(("official-relative", ClueLevel.Yellow, "关系 父亲（工作单位 史庄村村民委员会；职务 村委会主任）"), (clue.RuleCode, clue.Level, clue.Reason));
    }

    [Theory]
    [InlineData("配偶", true), InlineData("妻子", true), InlineData("丈夫", true), InlineData("父母", true), InlineData("母亲", true), InlineData("儿子", true),
     InlineData("女儿", true), InlineData("哥哥", true), InlineData("妹妹", true), InlineData("兄弟姐妹", true), InlineData("祖父", true), InlineData("外祖母", true),
     InlineData("孙女", true), InlineData("外孙", true), InlineData(" 配 偶 ", true),
     InlineData("表兄弟", false), InlineData("堂兄", false), InlineData("侄子", false), InlineData("女婿", false), InlineData("儿媳", false), InlineData("叔叔", false),
     InlineData("朋友", false)]
    public void Close_relatives_are_the_eight_kinds_of_the_rule_in_their_common_spellings(string relation, bool close) =>
        Assert.Equal(close, CloseRelatives.Includes(relation));

    [Fact]
    public async Task A_car_owner_on_dibao_is_yellow_and_a_motorcycle_or_tractor_owner_is_not()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var rider = ExportFiles.Id(3);
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"), ExportFiles.Row(2, "李四", rider, period: "2026-05"));

        var run = (await world.ImportAsync(ReferenceKind.Vehicles, world.List("所有人,身份证明号码,号牌号码,车辆类型,初次登记日期",
            $"张三明,{Zhang},豫B12345,小型轿车,2020-03-08",
            $"李四,{rider},豫B2345,普通二轮摩托车,2019-01-01",
            $"李四,{rider},豫B3456,手扶拖拉机,2019-01-01"))).Clues;

        var clue = Assert.Single(run.Clues);
        Assert.Equal(("vehicle", ClueLevel.Yellow, "车辆类型 小型轿车，初次登记 2020-03"), (clue.RuleCode, clue.Level, clue.Reason));
    }

    [Theory]
    [InlineData("小型轿车", true), InlineData("小型普通客车", true), InlineData("中型普通客车", true), InlineData("小型越野客车", true), InlineData("轻型普通货车", true),
     InlineData("普通二轮摩托车", false), InlineData("轻便二轮摩托车", false), InlineData("手扶拖拉机", false), InlineData("轮式拖拉机", false),
     InlineData("三轮汽车", false), InlineData("低速货车", false), InlineData("农用运输车", false), InlineData("重型半挂车", false)]
    public void Cars_are_passenger_cars_and_lorries_not_motorcycles_tractors_or_farm_vehicles(string type, bool car) =>
        Assert.Equal(car, VehicleTypes.IsCar(type));

    [Fact]
    public async Task A_legal_representative_or_shareholder_on_dibao_is_yellow_and_a_supervisor_is_not()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var supervisor = ExportFiles.Id(3);
        var shareholder = ExportFiles.Id(4);
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"), ExportFiles.Row(2, "李四", supervisor, period: "2026-05"),
            ExportFiles.Row(3, "王五", shareholder, period: "2026-05"));

        var run = (await world.ImportAsync(ReferenceKind.Businesses, world.List("姓名,证件号码,企业名称,职务",
            $"张三明,{Zhang},某某商贸有限公司,法定代表人", $"李四,{supervisor},某某商贸有限公司,监事", $"王五,{shareholder},某某商贸有限公司,股东"))).Clues;

        Assert.Equal([("法定代表人", "张*明"), ("股东", "王*")], run.Clues.Select(c => (c.Reason, c.MaskedName)));
        Assert.All(run.Clues, c => Assert.Equal(("business", ClueLevel.Yellow), (c.RuleCode, c.Level)));
    }

    [Fact]
    public async Task A_clue_copies_where_the_payment_came_from_and_its_sealed_identity_opens_to_the_recipient()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var (sync, _) = await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, amount: "612.50", period: "2026-05"));

        var clue = Assert.Single((await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"张三明,{Zhang},2026-01-01"))).Clues.Clues);

        Assert.Equal(("410221", "410221101", "410221101201", "rural-dibao", 202605, 612.50m), (clue.CountyCode, clue.TownshipCode, clue.VillageCode, clue.FundCode, clue.Period, clue.Amount));
        Assert.Equal(("张*明", "杞县民政局", sync.Validation.FileName, 4), (clue.MaskedName, clue.Department, clue.SourceFile, clue.SourceRow));
        Assert.Equal((world.Data.Owners.ForIdNumber(Zhang), 1), (clue.PersonKey, clue.RuleVersion));
        Assert.Equal(new RecipientIdentity("张三明", Zhang), world.Data.Identities.Open(clue.PaymentId, clue.SealedIdentity));
    }

    [Fact]
    public async Task A_clue_found_again_is_the_same_clue_with_its_state_kept()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"));
        var first = Assert.Single((await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"张三明,{Zhang},2026-01-01"))).Clues.Clues);
        await world.Db.Clues.Where(c => c.Id == first.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ClueState.Verifying));
        world.Clock.Advance(TimeSpan.FromDays(1));

        var again = await world.Finder.RunAsync(ClueScope.All);
        await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"张三明,{Zhang},2026-01-01"));

        Assert.Equal(first.Id, Assert.Single(again.Clues).Id);
        var stored = Assert.Single(await world.CluesAsync());
        Assert.Equal((first.Id, ClueState.Verifying, first.FoundAt, world.Clock.GetUtcNow().UtcDateTime), (stored.Id, stored.State, stored.FoundAt, stored.LastFoundAt));
    }

    [Fact]
    public async Task A_sync_runs_the_rules_on_the_partitions_it_changed()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"张三明,{Zhang},2026-01-01"));

        var (_, run) = await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"), ExportFiles.Row(2, "李四", Li, period: "2026-05"));

        Assert.Equal(2, run!.Checked);
        Assert.Equal("deceased", Assert.Single(run.Clues).RuleCode);
        Assert.Single(await world.CluesAsync());
    }

    [Fact]
    public async Task An_import_for_one_county_checks_that_countys_payments_only()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.PublishAsync(ExportFiles.Row(1, "张三明", Zhang, period: "2026-05"));

        var elsewhere = await world.Importer().ImportAsync(world.List("姓名,身份证号,死亡日期", $"张三明,{Zhang},2026-01-01"), ReferenceKind.Deceased, "410223", "测试");
        var everywhere = await world.Finder.RunAsync(ClueScope.All);

        Assert.Equal((0, 0), (elsewhere.Clues.Checked, elsewhere.Clues.Clues.Count));
        Assert.Single(everywhere.Clues);
    }
}
