namespace Portal.Core.Submissions;

/// <summary><c>Portal:Submissions</c>: how big an upload may be, and how the worker waits for the next one.</summary>
public sealed class SubmissionOptions
{
    public const string Section = "Portal:Submissions";

    /// <summary>The largest file a department may upload: 50 MB holds a 200,000-row XLSX (about 12 MB) several times over.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    public const long DefaultMaxFileBytes = 50L * 1024 * 1024;

    /// <summary>How often an idle worker looks for a file queued by another host (an upload to this host wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the worker applying a file holds the turn without a sign of life; a host that died loses it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Where the worker keeps its local copy of the file in hand; <c>submission-work</c> in the data folder by default.</summary>
    public string WorkDirectory { get; set; } = "";

    public string ResolveWork(PortalOptions portal) =>
        Path.GetFullPath(WorkDirectory.Length > 0 ? WorkDirectory : Path.Combine(portal.DataDirectory, "submission-work"));

    public string MaxFileSize => $"{MaxFileBytes / (1024 * 1024)} MB";
}
