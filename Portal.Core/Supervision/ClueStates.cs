namespace Portal.Core.Supervision;

/// <summary>The ledger's words for states and levels, in one place.</summary>
public static class ClueStates
{
    public static string Name(this ClueState state) => state switch
    {
        ClueState.Open => "待核查",
        ClueState.Verifying => "核查中",
        ClueState.Confirmed => "属实",
        ClueState.PartlyConfirmed => "部分属实",
        ClueState.Unfounded => "不属实",
        ClueState.Rectifying => "整改中",
        _ => "已整改",
    };

    public static string Name(this ClueLevel level) => level == ClueLevel.Red ? "红色" : "黄色";

    /// <summary>不属实 and 已整改 close a clue; every other state keeps it open.</summary>
    public static bool IsClosed(ClueState state) => state is ClueState.Unfounded or ClueState.Rectified;

    public static ClueState? Parse(string? text) =>
        Enum.GetValues<ClueState>().Cast<ClueState?>().FirstOrDefault(s => s.ToString()!.Equals(text, StringComparison.OrdinalIgnoreCase) || s!.Value.Name() == text);
}
