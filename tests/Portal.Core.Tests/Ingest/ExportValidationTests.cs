using Portal.Core.Ingest;

namespace Portal.Core.Tests.Ingest;

public class ExportValidationTests
{
    private static Rejection SingleRejection(FileValidation result, ValidationRule rule)
    {
        var r = Assert.Single(result.Rejections);
        Assert.Equal(rule, r.Rule);
        return r;
    }

    [Fact]
    public void A_clean_roster_is_published_desensitized()
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("ok.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)), ExportFiles.Row(2, "欧阳娜娜", ExportFiles.Id(2), "1,200.50")]));
        Assert.Empty(result.Rejections);
        Assert.Equal(["张*明", "欧阳**"], result.Payments.Select(p => p.MaskedName));
        Assert.Equal(1780.50m, result.AmountPublished);
        Assert.Equal("410221", result.County!.Code);
        Assert.All(result.Payments, p => Assert.Equal("410221101201", p.Village.Code));
    }

    [Fact]
    public void A_wrong_check_character_is_rejected_with_the_id_masked()
    {
        using var files = new ExportFiles();
        var bad = ExportFiles.Id(1)[..17] + (ExportFiles.Id(1)[17] == '0' ? "1" : "0");
        var result = ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", bad)]));
        var r = SingleRejection(result, ValidationRule.IdNumberInvalid);
        Assert.Equal(4, r.Row);
        Assert.Contains("校验位", r.Message);
        Assert.DoesNotContain(bad, r.Message);
    }

    [Fact]
    public void An_id_number_turned_into_scientific_notation_is_rejected_with_how_to_fix_it()
    {
        using var files = new ExportFiles();
        var r = SingleRejection(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", "4.10221E+17")])), ValidationRule.IdNumberInvalid);
        Assert.Contains("科学计数法", r.Message);
    }

    [Fact]
    public void A_region_code_from_another_county_is_rejected()
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1)),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), township: "", village: "", code: "410223200209"),
        ]));
        Assert.Equal(ValidationRule.RegionOutsideCounty, SingleRejection(result, ValidationRule.RegionOutsideCounty).Rule);
        Assert.Single(result.Payments);
    }

    [Fact]
    public void An_unknown_region_code_is_rejected() =>
        SingleRejection(ExportFiles.Validate(new ExportFiles().Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), code: "410221101999")])), ValidationRule.RegionUnknown);

    [Fact]
    public void A_township_name_that_disagrees_with_the_code_is_rejected()
    {
        using var files = new ExportFiles();
        var r = SingleRejection(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), township: "傅集镇")])), ValidationRule.RegionNameMismatch);
        Assert.Contains("五里河镇", r.Message);
    }

    [Theory]
    [InlineData("史庄村")]
    [InlineData("史庄村委会")]
    [InlineData("史庄村民委员会")]
    [InlineData("史庄")]
    public void Village_names_match_with_or_without_their_committee_suffix(string village)
    {
        using var files = new ExportFiles();
        Assert.Empty(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), village: village)])).Rejections);
    }

    [Fact]
    public void Without_region_codes_the_village_is_found_by_name_in_the_county_of_the_title()
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), code: "", village: "丁庄村委会")]));
        Assert.Empty(result.Rejections);
        Assert.Equal("410221101203", result.Payments[0].Village.Code);
    }

    [Fact]
    public void Without_region_codes_or_a_county_the_rows_are_rejected_with_what_to_do()
    {
        using var files = new ExportFiles();
        var r = SingleRejection(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), code: "")], title: "花名册")), ValidationRule.RegionUnknown);
        Assert.Contains("--county", r.Message);
        Assert.Empty(ExportFiles.Validate(files.Csv("b.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), code: "")], title: "花名册"), new SyncSettings { County = "410221" }).Rejections);
    }

    [Fact]
    public void An_unknown_fund_is_rejected_and_aliases_are_understood()
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "农村最低生活保障金"),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), fund: "年终慰问金"),
        ]));
        Assert.Contains("年终慰问金", SingleRejection(result, ValidationRule.FundUnknown).Message);
        Assert.Equal("rural-dibao", result.Payments.Single().Fund.Code);
    }

    [Theory]
    [InlineData("0", ValidationRule.AmountInvalid)]
    [InlineData("-50", ValidationRule.AmountInvalid)]
    [InlineData("abc", ValidationRule.AmountInvalid)]
    [InlineData("5800.00", ValidationRule.AmountAboveStandard)]
    public void Amounts_must_be_positive_and_within_the_fund_standard(string amount, ValidationRule rule)
    {
        using var files = new ExportFiles();
        SingleRejection(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), amount)])), rule);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("二〇二六年")]
    [InlineData("2099-01")]
    public void Periods_must_be_well_formed_and_not_in_the_future(string period)
    {
        using var files = new ExportFiles();
        SingleRejection(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), period: period)])), ValidationRule.PeriodInvalid);
    }

    [Fact]
    public void A_missing_name_is_rejected()
    {
        using var files = new ExportFiles();
        SingleRejection(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "", ExportFiles.Id(1))])), ValidationRule.NameMissing);
    }

    [Fact]
    public void Every_row_of_a_person_paid_twice_by_one_fund_in_one_period_is_held_back()
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1)),
            ExportFiles.Row(2, "张三明", ExportFiles.Id(1), "600.00"),
            ExportFiles.Row(3, "李四", ExportFiles.Id(2)),
            ExportFiles.Row(4, "张三明", ExportFiles.Id(1), period: "2026-09"),
        ]));
        Assert.Equal([4, 5], result.Rejections.Where(r => r.Rule == ValidationRule.DuplicatePayment).Select(r => r.Row));
        Assert.Equal(2, result.Payments.Count);
    }

    [Fact]
    public void Funds_that_exclude_each_other_are_held_back_for_that_person_and_period()
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv",
        [
            ExportFiles.Row(1, "张三明", ExportFiles.Id(1), fund: "农村低保"),
            ExportFiles.Row(2, "张三明", ExportFiles.Id(1), fund: "特困人员供养"),
            ExportFiles.Row(3, "张三明", ExportFiles.Id(1), fund: "高龄津贴", amount: "100"),
        ]));
        Assert.Equal([4, 5], result.Rejections.Where(r => r.Rule == ValidationRule.ExclusiveFunds).Select(r => r.Row));
        Assert.Equal("elderly-allowance", result.Payments.Single().Fund.Code);
    }

    [Fact]
    public void A_total_row_that_disagrees_is_a_warning_with_both_figures()
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2))], total: "1,200.00"));
        var w = Assert.Single(result.Warnings);
        Assert.Equal(ValidationRule.TotalMismatch, w.Rule);
        Assert.Contains("¥1,200.00", w.Message);
        Assert.Contains("¥1,160.00", w.Message);
        Assert.Equal(2, result.Payments.Count);
    }

    [Fact]
    public void A_matching_total_row_raises_no_warning()
    {
        using var files = new ExportFiles();
        Assert.Empty(ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)), ExportFiles.Row(2, "李四", ExportFiles.Id(2))], total: "1,160.00")).Warnings);
    }

    [Fact]
    public void Full_width_digits_and_stray_spaces_in_cells_are_tolerated()
    {
        using var files = new ExportFiles();
        var id = string.Concat(ExportFiles.Id(1).Select(c => c == 'X' ? 'Ｘ' : (char)(c - '0' + '０')));
        var result = ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, " 张三明 ", " " + id, "５８０．００")]));
        Assert.Empty(result.Rejections);
        Assert.Equal(580m, result.Payments[0].Amount);
    }

    [Fact]
    public void A_fund_and_period_in_the_title_apply_to_files_without_those_columns()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "title.csv");
        File.WriteAllText(path, $"杞县2026年9月高龄津贴发放表\n姓名,身份证号,村,乡镇,金额\n张三明,{ExportFiles.Id(1)},史庄村,五里河镇,100\n");
        var result = ExportFiles.Validate(path);
        Assert.Empty(result.Rejections);
        Assert.Equal("elderly-allowance", result.Payments[0].Fund.Code);
        Assert.Equal(new Portal.Core.Payments.Period(2026, 9), result.Payments[0].Period);
    }

    [Fact]
    public void Unknown_columns_are_ignored_with_a_warning_naming_them()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "extra.csv");
        File.WriteAllText(path, $"杞县2026年9月高龄津贴发放表\n姓名,身份证号,村,乡镇,金额,开户行\n张三明,{ExportFiles.Id(1)},史庄村,五里河镇,100,农业银行\n");
        var result = ExportFiles.Validate(path);
        Assert.Single(result.Payments);
        var w = Assert.Single(result.Warnings);
        Assert.Equal(ValidationRule.UnknownColumn, w.Rule);
        Assert.Equal("开户行", w.Column);
    }

    [Fact]
    public void A_county_outside_the_sample_is_checked_against_the_national_village_list()
    {
        using var files = new ExportFiles();
        var path = Path.Combine(files.Directory, "lankao.csv");
        var body = "41022519700101021";
        var id = body + Portal.Core.Privacy.IdNumber.CheckCharacter(body);
        File.WriteAllText(path, $"兰考县农村低保\n姓名,身份证号,行政区划代码,村（社区）,资金类别,金额,所属期\n张三明,{id},410225001001,城中社区,农村低保,580,2026-10\n李四,{id[..16] + "3" + Portal.Core.Privacy.IdNumber.CheckCharacter(id[..16] + "3")},410225001001,城东社区,农村低保,580,2026-10\n");
        var validation = ExportFiles.Validate(path);
        Assert.Equal("410225001001", Assert.Single(validation.Payments).Village.Code);
        Assert.Contains("城中社区", SingleRejection(validation, ValidationRule.RegionNameMismatch).Message);
    }

    [Fact]
    public void Bytes_that_are_not_gb18030_reject_the_row_naming_its_line_and_column()
    {
        using var files = new ExportFiles();
        var path = files.Csv("gb.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1)), ExportFiles.Row(2, "李@四", ExportFiles.Id(2))], SheetReader.Gb18030);
        // A byte GB18030 has no character for, where the '@' was: what a broken export or a wrong code page leaves.
        var bytes = File.ReadAllBytes(path);
        bytes[Array.IndexOf(bytes, (byte)'@')] = 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.Equal("GB18030", SheetReader.DetectEncoding(path).WebName.ToUpperInvariant());

        var result = ExportFiles.Validate(path);
        var r = Assert.Single(result.Rejections);
        Assert.Equal(5, r.Row);
        Assert.Equal("姓名", r.Column);
        Assert.Contains("无法识别的字符", r.Message);
        Assert.Equal(["张*明"], result.Payments.Select(p => p.MaskedName));
    }

    [Theory]
    [InlineData("张三明 13912345678")]
    [InlineData("410221195603120011")]
    [InlineData("经办人李四")]
    public void A_name_phone_or_id_number_typed_in_the_department_cell_never_reaches_the_index(string typed)
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), department: typed), ExportFiles.Row(2, "李四", ExportFiles.Id(2))]));
        Assert.Equal(["民政", "杞县民政局"], result.Payments.Select(p => p.Department));
        var warning = Assert.Single(result.Warnings, w => w.Column == "发放部门");
        Assert.Equal(4, warning.Row);
        Assert.DoesNotContain(typed, warning.Message);
    }

    [Theory]
    [InlineData("杞县民政局", "杞县民政局")]
    [InlineData("五里河镇民政所", "五里河镇民政所")]
    [InlineData("开封市杞县残联", "开封市杞县残联")]
    [InlineData("", "民政")]
    public void An_office_of_the_catalogue_in_the_department_cell_is_published_as_written(string cell, string published)
    {
        using var files = new ExportFiles();
        var result = ExportFiles.Validate(files.Csv("a.csv", [ExportFiles.Row(1, "张三明", ExportFiles.Id(1), department: cell)]));
        Assert.Equal(published, Assert.Single(result.Payments).Department);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void An_id_number_that_the_spreadsheet_turned_into_a_number_is_not_repeated_in_the_report()
    {
        using var files = new ExportFiles();
        var path = files.Xlsx("sci.xlsx",
        [
            ExportFiles.Header.Split(','),
            ["1", "五里河镇", "史庄村", "410221101201", "张三明", 410221195603120011d, "", "", "农村低保", "3", "580", "2026-10", "杞县民政局", ""],
        ]);
        var r = SingleRejection(ExportFiles.Validate(path), ValidationRule.IdNumberInvalid);
        Assert.Contains("科学计数法", r.Message);
        Assert.DoesNotContain("19560312", r.Message);
        Assert.DoesNotContain("4.1022", r.Message);
    }
}
