using Portal.Core.Reports;

namespace Portal.Core.Supervision;

/// <summary>Who a payment's recipient is, in clear: only ever held in memory, for sealing or for an approved reveal.</summary>
public sealed record RecipientIdentity(string Name, string IdNumber);

/// <summary>
/// The one place a recipient's name and ID number are sealed for supervision and opened again (AES-GCM with the reports'
/// keys). The context names the public payment id, which a <see cref="PaymentSubject"/> and each <see cref="Clue"/> copied
/// from it keep: a sealed identity opens only as the identity of the payment it was sealed for. The context never changes.
/// </summary>
public sealed class SubjectIdentity(ReportCipher cipher)
{
    public byte[] Seal(string paymentId, string name, string idNumber) => cipher.SealText(name + "\n" + idNumber, Context(paymentId));

    public RecipientIdentity Open(string paymentId, byte[] sealedIdentity)
    {
        var text = cipher.OpenText(sealedIdentity, Context(paymentId));
        var cut = text.IndexOf('\n');
        return new RecipientIdentity(text[..cut], text[(cut + 1)..]);
    }

    /// <summary>A clue's copy of its payment's sealed identity; null when the clue has none.</summary>
    public RecipientIdentity? Open(Clue clue) => clue.SealedIdentity.Length == 0 ? null : Open(clue.PaymentId, clue.SealedIdentity);

    /// <summary>A sealed identity sealed again under the active key, or null when it already is (or there is none): the last step of a key rotation.</summary>
    public byte[]? Resealed(string paymentId, byte[] sealedIdentity) =>
        sealedIdentity.Length == 0 || ReportCipher.KeyIdOf(sealedIdentity) == cipher.ActiveKeyId
            ? null
            : cipher.Seal(cipher.Open(sealedIdentity, Context(paymentId)), Context(paymentId));

    private static string Context(string paymentId) => $"payment-subject:{paymentId}:identity";
}
