using System.Buffers.Text;
using System.Security.Cryptography;
using Portal.Core.Reports;
using Portal.Hosting;

namespace Portal.Web.Reports;

/// <summary>
/// The report form as typed. Inputs are named by the Core's error keys (<c>reporter.name</c>, <c>content</c>, <c>files</c>…),
/// so each message lands next to its field. Values are read from the form by hand, never bound as handler arguments: the
/// framework's trace log prints those. Passwords are not kept, so they are never written back into a page.
/// </summary>
public sealed class ReportForm
{
    /// <summary>The select of counties and townships; <see cref="RegionCode"/>, when filled, wins over it.</summary>
    public const string Region = "reportedPerson.region";
    public const string RegionCode = "reportedPerson.regionCode";

    /// <summary>A village picked from the results of a search by name (按村名查找); it wins over the code and the select.</summary>
    public const string PlacePick = "placePick";
    public const string PlaceQuery = "placeQuery";

    private static readonly string[] Kept =
    [
        "anonymous", "reporter.name", "reporter.idNumber", "reporter.phone", "reporter.address",
        "reportedPerson.name", "reportedPerson.unit", "reportedPerson.position", "reportedPerson.level", Region, RegionCode, PlacePick, PlaceQuery,
        "category", "title", "content", "paymentId", "submissionToken",
    ];

    private readonly Dictionary<string, string> _values;

    private ReportForm(Dictionary<string, string> values) => _values = values;

    public string this[string field] => _values.GetValueOrDefault(field, "");

    /// <summary>实名 (false) or 匿名 (true); null until the reporter chooses, as nothing is chosen for them.</summary>
    public bool? Anonymous => this["anonymous"] switch { "true" => true, "false" => false, _ => null };

    /// <summary>A fresh form: its own submission token, so a double tap or a retry files one report, not two.</summary>
    public static ReportForm Blank(string? paymentId) => new(new Dictionary<string, string>
    {
        ["submissionToken"] = NewToken(), ["paymentId"] = paymentId ?? "",
    });

    public static ReportForm Read(IFormCollection form) => new(Kept.ToDictionary(key => key, key => form[key].ToString()));

    public ReportForm With(string field, string value) => new(new Dictionary<string, string>(_values) { [field] = value });

    public ReportSubmission ToSubmission(IFormCollection form) => new()
    {
        Anonymous = Anonymous == true,
        // The anonymous path never carries a name onwards, whatever was typed into the named fields.
        Reporter = Anonymous == true ? null : new ReporterFields
        {
            Name = this["reporter.name"], IdNumber = this["reporter.idNumber"], Phone = this["reporter.phone"], Address = this["reporter.address"],
        },
        ReportedPerson = new ReportedPersonFields
        {
            Name = this["reportedPerson.name"], Unit = this["reportedPerson.unit"], Position = this["reportedPerson.position"],
            Level = this["reportedPerson.level"],
            Region = new[] { this[PlacePick], this[RegionCode], this[Region] }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v), "").Trim(),
        },
        Category = this["category"],
        Title = this["title"],
        Content = this["content"],
        Password = form["password"].ToString(),
        PasswordRepeat = form["passwordRepeat"].ToString(),
        PaymentId = NullIfEmpty(this["paymentId"]),
        SubmissionToken = NullIfEmpty(this["submissionToken"]),
    };

    /// <summary>The chosen files; a file input left empty sends no file.</summary>
    public static IReadOnlyList<IncomingFile> Files(IFormCollection form) =>
        IncomingFiles.From(form.Files, "files");

    /// <summary>The id of a field's input, for labels and for the links of the error summary.</summary>
    public static string Id(string field) => field.Replace('.', '-');

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
