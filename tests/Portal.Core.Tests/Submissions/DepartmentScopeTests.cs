using Portal.Core.Ingest;
using Portal.Core.Submissions;
using Portal.Core.Tests.Ingest;
using Portal.Tests;

namespace Portal.Core.Tests.Submissions;

/// <summary>A department publishes its own counties and funds only; a file reaching past them is refused whole, with a sentence that says what the account may submit.</summary>
public sealed class DepartmentScopeTests : IDisposable
{
    private readonly ExportFiles _files = new();

    private static DepartmentScope Qixian(params string[] funds) => new(
        new Department { Name = "杞县民政局", Counties = "410221", Funds = string.Join(",", funds.Length > 0 ? funds : SubmissionFiles.QixianFunds) },
        SampleData.Regions, SampleData.Funds);

    private FileValidation Check(string name, params string[] rows) =>
        ExportFiles.Validate(_files.Csv(name, rows, title: null));

    [Fact]
    public void A_file_of_the_departments_own_county_and_funds_is_admitted()
    {
        var file = Check("杞县.csv", ExportFiles.Row(1, "张三", ExportFiles.Id(1), fund: "城市低保", period: "2026-08"));

        Assert.Single(file.Payments);
        Assert.Null(Qixian().Refusal(file));
    }

    [Fact]
    public void A_file_for_another_county_is_refused_whole_naming_what_this_account_may_submit()
    {
        var file = Check("尉氏县.csv", ExportFiles.Row(1, "张三", ExportFiles.Id(1), fund: "城市低保", period: "2026-08",
            township: "洧川镇", village: "洧川南街村", code: "410223101200"));

        Assert.Equal("本账号（杞县民政局）只能报送 杞县 的 农村低保、城市低保、特困人员供养、临时救助；此文件含 尉氏县 的数据，未公开任何数据。", Qixian().Refusal(file));
    }

    [Fact]
    public void A_file_with_a_fund_the_department_does_not_publish_is_refused_naming_the_fund()
    {
        var file = Check("残疾人.csv",
            ExportFiles.Row(1, "张三", ExportFiles.Id(1), fund: "城市低保", period: "2026-08"),
            ExportFiles.Row(2, "李四", ExportFiles.Id(2), amount: "90.00", fund: "困难残疾人生活补贴", period: "2026-08"));

        Assert.Equal(2, file.Payments.Count);
        Assert.Equal("本账号（杞县民政局）只能报送 杞县 的 农村低保、城市低保；此文件含 困难残疾人生活补贴 的数据，未公开任何数据。",
            Qixian("rural-dibao", "urban-dibao").Refusal(file));
    }

    public void Dispose() => _files.Dispose();
}
