namespace Portal.Core.Supervision;

/// <summary>
/// The title a page shows for a rule code: the one place the ledger names rules. The rule cards (content/supervision/rules.yaml)
/// are read by the rules' side of supervision; until they are wired here, a rule is shown by its code.
/// </summary>
public sealed class ClueRuleTitles
{
    public string Title(string ruleCode) => ruleCode;
}
