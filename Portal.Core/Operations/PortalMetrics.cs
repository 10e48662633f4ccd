using System.Diagnostics.Metrics;

namespace Portal.Core.Operations;

/// <summary>The Portal's own counters beside the framework's: what was published and filed, never by whom.</summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "Portal";

    private readonly Meter _meter;

    public PortalMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        ReportsFiled = _meter.CreateCounter<long>("portal.reports.filed", description: "Reports filed through the site or the API");
        ExhibitionChanges = _meter.CreateCounter<long>("portal.exhibition.published_changes", description: "Times the published exhibition changed on this instance");
    }

    public Counter<long> ReportsFiled { get; }
    public Counter<long> ExhibitionChanges { get; }

    public void Dispose() => _meter.Dispose();
}
