namespace Portal.Core.Supervision;

/// <summary>A clue's recipient in full: shown once, to the requester of an approved request, and never stored or logged in clear.</summary>
public sealed record RecipientIdentity(string Name, string IdNumber);

/// <summary>
/// Opens <see cref="Clue.SealedIdentity"/>. The sealing of payment subjects (and so its context) belongs to the rules' side of
/// supervision; the ledger asks only this, so the reveal is tested with a fake and wired to the real type in one line.
/// </summary>
public interface IRecipientIdentityOpener
{
    /// <summary>The identity, or null when it cannot be opened here.</summary>
    RecipientIdentity? Open(Clue clue);
}

/// <summary>Until payment subjects are sealed by their own type, nothing is opened and the page says so.</summary>
internal sealed class NoRecipientIdentityOpener : IRecipientIdentityOpener
{
    public RecipientIdentity? Open(Clue clue) => null;
}
