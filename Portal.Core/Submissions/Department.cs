namespace Portal.Core.Submissions;

/// <summary>
/// A department that publishes its own data (杞县民政局): the counties and the funds it may publish. Its clerks (role
/// 数据报送) share this scope; <see cref="DepartmentScope"/> refuses a file that reaches past it.
/// </summary>
public sealed class Department
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";

    /// <summary>County codes (6 digits), comma-separated.</summary>
    public string Counties { get; set; } = "";

    /// <summary>Fund codes of the fund catalogue, comma-separated.</summary>
    public string Funds { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> CountyCodes => Split(Counties);
    public IReadOnlyList<string> FundCodes => Split(Funds);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
