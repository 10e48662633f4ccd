using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Ingest;
using Portal.Core.Ingest.Samples;
using Portal.Core.Privacy;
using Portal.Core.Supervision;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Supervision;

/// <summary>Reference lists imported as departments export them: only keyed hashes and what a rule needs are kept, and a list is replaced whole or not at all.</summary>
public class ReferenceImportTests
{
    private static readonly string Official = ExportFiles.Id(11);
    private static readonly string Wife = ExportFiles.Id(12);
    private static readonly string Son = ExportFiles.Id(13, "19800101");

    private static async Task<List<ReferenceEntry>> EntriesAsync(SupervisionWorld world, ReferenceKind kind) =>
        await world.Db.ReferenceEntries.AsNoTracking().Where(e => e.Kind == kind).OrderBy(e => e.Id).ToListAsync();

    [Fact]
    public async Task An_officials_row_with_a_relative_keeps_the_official_once_and_each_relative_with_the_relation_and_the_officials_unit()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var list = world.List("序号,姓名,身份证号,工作单位,职务,亲属姓名,亲属身份证号,与本人关系",
            $"1,王建国,{Official},五里河镇人民政府,科员,刘芳,{Wife},配偶",
            $"2,王建国,{Official},五里河镇人民政府,科员,王小明,{Son},儿子");

        var result = await world.ImportAsync(ReferenceKind.Officials, list);

        Assert.Equal((2, 3, 0), (result.Import.Read, result.Import.Kept, result.Import.Rejected));
        var entries = await EntriesAsync(world, ReferenceKind.Officials);
        Assert.Equal([world.Data.Owners.ForIdNumber(Official), world.Data.Owners.ForIdNumber(Wife), world.Data.Owners.ForIdNumber(Son)], entries.Select(e => e.PersonKey));
        Assert.Equal([null, "配偶", "儿子"], entries.Select(e => e.Relation));
        Assert.All(entries, e => Assert.Equal("工作单位 五里河镇人民政府；职务 科员", e.Detail));
        Assert.All(entries, e => Assert.Equal(("410221", result.Import.Id), (e.CountyCode, e.ImportId)));
    }

    [Fact]
    public async Task Each_kind_is_read_by_its_own_header_variants_and_keeps_no_name_plate_or_company()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.ImportAsync(ReferenceKind.Deceased, world.List("序号,姓名,公民身份号码,死亡日期", $"1,赵老汉,{ExportFiles.Id(21)},2026年3月15日"));
        await world.ImportAsync(ReferenceKind.Vehicles, world.List("所有人,身份证明号码,号牌号码,车辆类型,初次登记日期", $"钱大富,{ExportFiles.Id(22)},豫B12345,小型普通客车,2020-03-08"));
        await world.ImportAsync(ReferenceKind.Businesses, world.List("企业名称,姓名,证件号码,职务", $"孙氏建材有限公司,孙二娘,{ExportFiles.Id(23)},法定代表人"));

        Assert.Equal(new DateOnly(2026, 3, 15), Assert.Single(await EntriesAsync(world, ReferenceKind.Deceased)).Date);
        var car = Assert.Single(await EntriesAsync(world, ReferenceKind.Vehicles));
        Assert.Equal(("小型普通客车", new DateOnly(2020, 3, 8)), (car.Detail, car.Date));
        Assert.Equal("法定代表人", Assert.Single(await EntriesAsync(world, ReferenceKind.Businesses)).Detail);
        var kept = string.Join("|", (await world.Db.ReferenceEntries.AsNoTracking().ToListAsync()).Select(e => $"{e.PersonKey}{e.Detail}{e.Relation}"));
        foreach (var secret in new[] { "赵老汉", "钱大富", "豫B12345", "孙氏建材", "孙二娘", ExportFiles.Id(21), ExportFiles.Id(22), ExportFiles.Id(23) })
            Assert.DoesNotContain(secret, kept);
    }

    [Fact]
    public async Task Gb18030_csv_and_xlsx_lists_are_read_like_utf8_ones()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var gb = Path.Combine(world.Files.Directory, "deaths-gb.csv");
        File.WriteAllText(gb, $"杞县死亡人员名单\r\n姓名,身份证号码,死亡日期\r\n赵老汉,{ExportFiles.Id(31)},2026-03-15\r\n", SheetReader.Gb18030);
        var xlsx = world.Files.Xlsx("deaths.xlsx", [["杞县死亡人员名单"], ["姓名", "身份证号", "死亡日期"], ["钱老太", ExportFiles.Id(32), "2026-04-01"]]);

        Assert.Equal(1, (await world.ImportAsync(ReferenceKind.Deceased, gb)).Import.Kept);
        Assert.Equal(1, (await world.Importer().ImportAsync(xlsx, ReferenceKind.Deceased, "410223", "测试")).Import.Kept);
    }

    [Fact]
    public async Task An_old_15_digit_number_is_read_as_its_18_digit_form_and_matches_a_payment_under_the_new_one()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var eighteen = ExportFiles.Id(41);
        var fifteen = eighteen[..6] + eighteen[8..17];
        Assert.Equal(eighteen, IdNumber.FromLegacy15(fifteen));

        var result = await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"赵老汉,{fifteen},2026-03-15"));

        Assert.Equal(world.Data.Owners.ForIdNumber(eighteen), Assert.Single(await EntriesAsync(world, ReferenceKind.Deceased)).PersonKey);
        Assert.Equal(0, result.Import.Rejected);
    }

    [Fact]
    public async Task Rows_with_17_digits_a_bad_check_digit_or_an_impossible_birth_date_are_sent_back_with_the_number_masked()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var good = ExportFiles.Id(51);
        var badCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        var badBirth = "410221" + "19561340" + "001";
        badBirth += IdNumber.CheckCharacter(badBirth);
        var list = world.List("姓名,身份证号,死亡日期",
            $"甲,{good[..17]},2026-03-15", $"乙,{badCheck},2026-03-15", $"丙,{badBirth},2026-03-15", $"丁,{good},下个月", $"戊,{ExportFiles.Id(52)},2026-03-15");

        var result = await world.ImportAsync(ReferenceKind.Deceased, list);

        Assert.Equal((5, 1, 4), (result.Import.Read, result.Import.Kept, result.Import.Rejected));
        Assert.Equal([3, 4, 5, 6], result.Rejections.Select(r => r.Row));
        Assert.Contains("应为 18 位", result.Rejections[0].Message);
        Assert.Contains("校验位不对", result.Rejections[1].Message);
        Assert.Contains("出生日期不存在", result.Rejections[2].Message);
        Assert.Equal(("死亡日期", ValidationRule.DateInvalid), (result.Rejections[3].Column, result.Rejections[3].Rule));
        Assert.Contains(IdNumber.Mask(badCheck), result.Rejections[1].Message);
        var report = string.Join("\n", result.Rejections.Select(r => r.Message));
        foreach (var number in new[] { good, good[..17], badCheck, badBirth }) Assert.DoesNotContain(number, report);
    }

    [Fact]
    public async Task A_new_list_replaces_that_kinds_list_for_its_county_and_no_other()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"甲,{ExportFiles.Id(61)},2026-03-15", $"乙,{ExportFiles.Id(62)},2026-03-15"));
        await world.Importer().ImportAsync(world.List("姓名,身份证号,死亡日期", $"丙,{ExportFiles.Id(63)},2026-03-15"), ReferenceKind.Deceased, "410223", "测试");
        await world.ImportAsync(ReferenceKind.Businesses, world.List("姓名,证件号码,职务", $"丁,{ExportFiles.Id(64)},股东"));

        var again = await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"戊,{ExportFiles.Id(65)},2026-04-01"));

        var deceased = await EntriesAsync(world, ReferenceKind.Deceased);
        Assert.Equal([("410223", world.Data.Owners.ForIdNumber(ExportFiles.Id(63))), ("410221", world.Data.Owners.ForIdNumber(ExportFiles.Id(65)))],
            deceased.OrderByDescending(e => e.CountyCode == "410223").Select(e => (e.CountyCode, e.PersonKey)));
        Assert.Equal(again.Import.Id, deceased.Single(e => e.CountyCode == "410221").ImportId);
        Assert.Single(await EntriesAsync(world, ReferenceKind.Businesses));
        var current = await world.Importer().CurrentAsync(new Portal.Core.Staff.StaffActor(Guid.NewGuid(), "市监督", Portal.Core.Staff.StaffRoles.Supervisor, "4102"));
        Assert.Equal(3, current.Count);
        Assert.Contains(current, i => i.Id == again.Import.Id && i.Kept == 1 && i.ImportedBy == "测试");
    }

    [Fact]
    public async Task A_file_that_fails_part_way_leaves_the_previous_list_whole()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"甲,{ExportFiles.Id(71)},2026-03-15", $"乙,{ExportFiles.Id(72)},2026-03-15"));
        var before = await EntriesAsync(world, ReferenceKind.Deceased);
        var imports = await world.Db.ReferenceImports.CountAsync();

        // Over the row limit on its third row: two rows are already written inside the transaction when it fails.
        var failing = world.List("姓名,身份证号,死亡日期", $"丙,{ExportFiles.Id(73)},2026-03-15", $"丁,{ExportFiles.Id(74)},2026-03-15", $"戊,{ExportFiles.Id(75)},2026-03-15");
        var refusal = await Assert.ThrowsAsync<ExportFileException>(() => world.Importer(maxRows: 2).ImportAsync(failing, ReferenceKind.Deceased, "410221", "测试"));

        Assert.Contains("超过 2 行的上限，未导入任何数据，原有名单保持不变", refusal.Message);
        Assert.Equal(before.Select(e => e.Id), (await EntriesAsync(world, ReferenceKind.Deceased)).Select(e => e.Id));
        Assert.Equal(imports, await world.Db.ReferenceImports.CountAsync());
    }

    [Fact]
    public async Task A_list_missing_a_column_its_kind_needs_is_refused_naming_the_column_and_nothing_is_replaced()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        await world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,死亡日期", $"甲,{ExportFiles.Id(81)},2026-03-15"));

        var refusal = await Assert.ThrowsAsync<ExportFileException>(() => world.ImportAsync(ReferenceKind.Deceased, world.List("姓名,身份证号,户籍地", $"乙,{ExportFiles.Id(82)},杞县")));
        var officials = await Assert.ThrowsAsync<ExportFileException>(() => world.ImportAsync(ReferenceKind.Officials, world.List("姓名,身份证号", $"乙,{ExportFiles.Id(82)}")));

        Assert.Contains("表头缺少“死亡日期”列", refusal.Message);
        Assert.Contains("表头缺少“工作单位”、“职务”列", officials.Message);
        Assert.Single(await EntriesAsync(world, ReferenceKind.Deceased));
    }

    [Fact]
    public async Task A_list_in_an_encoding_that_is_neither_utf8_nor_gb18030_is_refused_with_what_to_do()
    {
        await using var world = await SupervisionWorld.CreateAsync();
        var path = Path.Combine(world.Files.Directory, "big5.csv");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllBytes(path, Encoding.GetEncoding("big5").GetBytes($"姓名,身份證號,死亡日期\r\n甲,{ExportFiles.Id(91)},2026-03-15\r\n"));

        var refusal = await Assert.ThrowsAsync<ExportFileException>(() => world.ImportAsync(ReferenceKind.Deceased, path));

        Assert.Contains("找不到死亡人员名单的表头", refusal.Message);
        Assert.Contains("UTF-8 或 GB18030", refusal.Message);
    }

    [Fact]
    public async Task A_county_code_that_is_not_a_county_is_refused_before_anything_is_read()
    {
        await using var world = await SupervisionWorld.CreateAsync();

        var refusal = await Assert.ThrowsAsync<ExportFileException>(() => world.ImportAsync(ReferenceKind.Deceased, "no-such-file.csv", county: "410221101"));

        Assert.Contains("不是县级区划代码", refusal.Message);
    }
}
