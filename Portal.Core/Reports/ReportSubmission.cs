namespace Portal.Core.Reports;

/// <summary>
/// A report as a stranger sends it, from the web form or the API's JSON part. Nothing in it is trusted:
/// <see cref="ReportValidator"/> checks every field and names the problem in Chinese.
/// </summary>
public sealed class ReportSubmission
{
    public bool Anonymous { get; set; }
    public ReporterFields? Reporter { get; set; }
    public ReportedPersonFields ReportedPerson { get; set; } = new();
    public string? Category { get; set; }
    public string? Title { get; set; }
    public string? Content { get; set; }
    public string? Password { get; set; }

    /// <summary>The password typed again; the web form sends it, the API may leave it out.</summary>
    public string? PasswordRepeat { get; set; }

    /// <summary>The id of the published payment the report disputes (对此公示有异议).</summary>
    public string? PaymentId { get; set; }

    /// <summary>A random token the client makes once per form; a second submit with it returns the first receipt.</summary>
    public string? SubmissionToken { get; set; }
}

public sealed class ReporterFields
{
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
}

public sealed class ReportedPersonFields
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Position { get; set; }
    public string? Level { get; set; }
    public string? Region { get; set; }
}

/// <summary>An uploaded file as the host received it; opened only after its declared length passed the limit.</summary>
public sealed record IncomingFile(string FileName, long Length, Func<Stream> Open);

/// <summary>Problems keyed by field path (<c>reporter.phone</c>, <c>content</c>, <c>files</c>), each a sentence a person can act on.</summary>
public sealed class FieldErrors : Dictionary<string, string>;
