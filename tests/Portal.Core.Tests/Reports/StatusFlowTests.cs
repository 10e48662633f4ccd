using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

public sealed class StatusFlowTests
{
    [Theory]
    [InlineData(ReportStatus.Submitted, ReportStatus.Accepted)]
    [InlineData(ReportStatus.Submitted, ReportStatus.NotAccepted)]
    [InlineData(ReportStatus.Accepted, ReportStatus.Transferred)]
    [InlineData(ReportStatus.Transferred, ReportStatus.InProgress)]
    [InlineData(ReportStatus.InProgress, ReportStatus.Concluded)]
    public void The_flow_allows_each_step_of_the_rules(ReportStatus from, ReportStatus to)
    {
        Assert.True(StatusFlow.Allows(from, to));
    }

    [Fact]
    public void Every_other_step_is_refused_with_a_message_that_names_the_allowed_ones()
    {
        var allowed = new HashSet<(ReportStatus, ReportStatus)>
        {
            (ReportStatus.Submitted, ReportStatus.Accepted), (ReportStatus.Submitted, ReportStatus.NotAccepted), (ReportStatus.Accepted, ReportStatus.Transferred),
            (ReportStatus.Transferred, ReportStatus.InProgress), (ReportStatus.InProgress, ReportStatus.Concluded),
        };
        foreach (var from in Enum.GetValues<ReportStatus>())
        foreach (var to in Enum.GetValues<ReportStatus>())
            Assert.Equal(allowed.Contains((from, to)), StatusFlow.Allows(from, to));

        Assert.Equal("举报当前状态为“已提交”，不能改为“已办结”。下一步只能是：已受理、不予受理。", StatusFlow.Refusal(ReportStatus.Submitted, ReportStatus.Concluded));
        Assert.EndsWith("该举报已结束办理。", StatusFlow.Refusal(ReportStatus.Concluded, ReportStatus.InProgress));
    }

    [Fact]
    public void A_report_is_closed_once_concluded_or_not_accepted()
    {
        var closed = Enum.GetValues<ReportStatus>().Where(StatusFlow.IsClosed);

        Assert.Equal([ReportStatus.NotAccepted, ReportStatus.Concluded], closed);
    }
}
