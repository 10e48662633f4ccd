using System.Text.Json.Serialization;
using Portal.Api.Supervision;
using Portal.Core.Privacy;
using Portal.Core.Reports;
using Portal.Core.Reports.Statistics;

namespace Portal.Api.Reports;

// Mapped by hand from the record: offices, months, counts, shares. The record holds nothing about any one report to map.

/// <summary>
/// 举报办理情况 of the offices within a region over some months: counts (1 or 2 as 少于3), the shares handled in time and
/// the median working days to acceptance (null when they rest on fewer than three reports).
/// </summary>
public sealed record ReportStatisticsAnswer(
    string Region, IReadOnlyList<OfficeAnswer> Offices, string From, string To,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Received,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Accepted,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Refused,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Transferred,
    [property: JsonConverter(typeof(PublicCountJson))] PublicCount Concluded,
    double? OnTimeAcceptRate, double? OnTimeConcludeRate, double? MedianAcceptWorkingDays,
    IReadOnlyList<CategoryCountAnswer> ByCategory, IReadOnlyList<DispositionCountAnswer> ByDisposition)
{
    /// <param name="named">The record's offices that may be named (<see cref="StatisticsScope.Named"/>).</param>
    public static ReportStatisticsAnswer Of(string region, IReadOnlyList<Core.Offices.Office> named, HandlingRecord record)
    {
        var total = record.Total;
        return new(region, named.Select(OfficeAnswer.From).ToList(), record.From.ToString(), record.To.ToString(),
            total.Received, total.Accepted, total.Refused, total.Transferred, total.Concluded,
            total.OnTimeAccept.Shown, total.OnTimeConclude.Shown, total.AcceptWorkingDays.Median,
            record.ByCategory.Select(c => new CategoryCountAnswer(c.Category.Name(), c.Count)).ToList(),
            record.ByDisposition.Select(d => new DispositionCountAnswer(d.Disposition.Name(), d.Count)).ToList());
    }
}

/// <summary>Reports received under one category (违反群众纪律, 职务违法, …).</summary>
public sealed record CategoryCountAnswer(string Category, [property: JsonConverter(typeof(PublicCountJson))] PublicCount Count);

/// <summary>Reports concluded with one disposition (谈话函询, 初步核实, 暂存待查, 予以了结).</summary>
public sealed record DispositionCountAnswer(string Disposition, [property: JsonConverter(typeof(PublicCountJson))] PublicCount Count);
