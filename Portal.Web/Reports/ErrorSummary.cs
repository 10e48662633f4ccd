using Portal.Core.Reports;

namespace Portal.Web.Reports;

/// <summary>
/// The list at the top of a form that did not go through: each message with the name of its field, in the order of the
/// form, linking to the field. Keys the form has no field for (the whole request, the submission token) link nowhere.
/// </summary>
public sealed record ErrorSummary(FieldErrors Errors, IReadOnlyList<(string Field, string Label)> Fields)
{
    public sealed record Line(string? Target, string? Label, string Message);

    public IEnumerable<Line> Lines
    {
        get
        {
            var order = Fields.Select(f => f.Field).ToList();
            return Errors
                .Select(e => (Index: order.IndexOf(e.Key), e.Key, e.Value))
                .OrderBy(e => e.Index < 0 ? int.MaxValue : e.Index)
                .Select(e => e.Index < 0 ? new Line(null, null, e.Value) : new Line(ReportForm.Id(e.Key), Fields[e.Index].Label, e.Value));
        }
    }
}
