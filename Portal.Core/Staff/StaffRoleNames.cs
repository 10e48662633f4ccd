namespace Portal.Core.Staff;

public static class StaffRoleNames
{
    private static readonly (StaffRoles Role, string Name)[] Names =
    [
        (StaffRoles.Intake, "受理员"), (StaffRoles.Handler, "承办人"), (StaffRoles.Admin, "管理员"), (StaffRoles.Auditor, "审计"), (StaffRoles.Press, "宣传"),
        (StaffRoles.Submitter, "数据报送"), (StaffRoles.Supervisor, "监督"),
    ];

    public static IReadOnlyList<(StaffRoles Role, string Name)> All => Names;

    public static string Describe(StaffRoles roles) =>
        string.Join("、", Names.Where(n => roles.HasFlag(n.Role)).Select(n => n.Name)) is { Length: > 0 } text ? text : "无";

    public static StaffRoles? Parse(string text)
    {
        var roles = StaffRoles.None;
        foreach (var part in text.Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Names.FirstOrDefault(n => n.Name == part || n.Role.ToString().Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match.Role == StaffRoles.None) return null;
            roles |= match.Role;
        }
        return roles == StaffRoles.None ? null : roles;
    }
}
