using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Core.Privacy;
using Portal.Core.Regions;
using Portal.Core.Supervision;

namespace Portal.Api.Supervision;

// The public side of supervision, mapped by hand from the statistics: region codes and names down to townships, months,
// counts and a sum of money. No village, no clue, no person: the statistics hold nothing finer to map.

/// <summary>
/// 监督情况 of a region: payments checked against other departments' lists, clues found, found true, rectified and the
/// amount recovered, over the last twelve payment months; each month; and the parts one level down (never a village).
/// </summary>
public sealed record SupervisionSummaryAnswer(
    string Region, string Name, [property: JsonPropertyName("from")] string FromPeriod, [property: JsonPropertyName("to")] string ToPeriod,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Checked,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Flagged,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Confirmed,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Rectified,
    decimal? RecoveredAmount,
    IReadOnlyList<SupervisionPeriodAnswer> Periods,
    IReadOnlyList<SupervisionPartAnswer> Parts)
{
    public static SupervisionSummaryAnswer Of(SupervisionSummary summary)
    {
        var total = summary.Total;
        return new(summary.Region.Code, RegionCatalog.DisplayName(summary.Region), summary.From.ToString(), summary.To.ToString(),
            total.Checked, total.Flagged, total.Confirmed, total.Rectified, total.ShownRecoveredAmount,
            summary.Periods.Select(p => new SupervisionPeriodAnswer(p.Period.ToString(), p.Figures.Checked, p.Figures.Flagged,
                p.Figures.Confirmed, p.Figures.Rectified, p.Figures.ShownRecoveredAmount)).ToList(),
            summary.Parts.Select(p => new SupervisionPartAnswer(p.Part.Code, RegionCatalog.DisplayName(p.Part), p.Figures.Checked,
                p.Figures.Flagged, p.Figures.Confirmed, p.Figures.Rectified, p.Figures.ShownRecoveredAmount)).ToList());
    }
}

/// <summary>One payment month (2026-05).</summary>
public sealed record SupervisionPeriodAnswer(
    string Period,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Checked,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Flagged,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Confirmed,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Rectified,
    decimal? RecoveredAmount);

/// <summary>A part one level down: a province's cities, a city's counties, a county's townships.</summary>
public sealed record SupervisionPartAnswer(
    string Region, string Name,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Checked,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Flagged,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Confirmed,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Rectified,
    decimal? RecoveredAmount);

/// <summary>A count as a number, or the string 少于3 for one or two (<see cref="PublicCount"/>).</summary>
public sealed class PublicCountJson : JsonConverter<PublicCount>
{
    public override PublicCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Answers are written, not read.");

    public override void Write(Utf8JsonWriter writer, PublicCount value, JsonSerializerOptions options)
    {
        if (value.Suppressed) writer.WriteStringValue(PublicCount.SuppressedText);
        else writer.WriteNumberValue(value.Value);
    }
}
