using Portal.Core.Ingest;

namespace Portal.Core.Tests.Ingest;

public class ExportHeadersTests
{
    [Theory]
    [InlineData("姓名", ExportColumn.Name)]
    [InlineData("户主姓名", ExportColumn.Name)]
    [InlineData("领取人", ExportColumn.Name)]
    [InlineData("收款人", ExportColumn.Name)]
    [InlineData(" 姓 名 ", ExportColumn.Name)]
    [InlineData("身份证号", ExportColumn.IdNumber)]
    [InlineData("身份证号码", ExportColumn.IdNumber)]
    [InlineData("证件号码", ExportColumn.IdNumber)]
    [InlineData("公民身份号码", ExportColumn.IdNumber)]
    [InlineData("资金类别", ExportColumn.Fund)]
    [InlineData("补贴项目", ExportColumn.Fund)]
    [InlineData("资金名称", ExportColumn.Fund)]
    [InlineData("项目名称", ExportColumn.Fund)]
    [InlineData("发放金额", ExportColumn.Amount)]
    [InlineData("金额", ExportColumn.Amount)]
    [InlineData("发放金额（元）", ExportColumn.Amount)]
    [InlineData("金额(元)", ExportColumn.Amount)]
    [InlineData("发放年月", ExportColumn.Period)]
    [InlineData("所属期", ExportColumn.Period)]
    [InlineData("发放月份", ExportColumn.Period)]
    [InlineData("乡镇", ExportColumn.Township)]
    [InlineData("乡镇（街道）", ExportColumn.Township)]
    [InlineData("村", ExportColumn.Village)]
    [InlineData("村（社区）", ExportColumn.Village)]
    [InlineData("村居", ExportColumn.Village)]
    [InlineData("行政区划代码", ExportColumn.RegionCode)]
    [InlineData("区划代码", ExportColumn.RegionCode)]
    [InlineData("家庭人口", ExportColumn.HouseholdSize)]
    [InlineData("保障人口", ExportColumn.HouseholdSize)]
    [InlineData("发放日期", ExportColumn.PaidOn)]
    [InlineData("发放部门", ExportColumn.Department)]
    [InlineData("填报单位", ExportColumn.Department)]
    [InlineData("银行账号", ExportColumn.BankAccount)]
    [InlineData("银行卡号", ExportColumn.BankAccount)]
    [InlineData("联系电话", ExportColumn.Phone)]
    [InlineData("手机号", ExportColumn.Phone)]
    [InlineData("备注", ExportColumn.Remark)]
    public void Recognises_the_headers_departments_use(string header, ExportColumn column) => Assert.Equal(column, ExportHeaders.Match(header));

    [Theory]
    [InlineData("开户行")]
    [InlineData("")]
    public void Leaves_unknown_headers_unmapped(string header) => Assert.Null(ExportHeaders.Match(header));
}
