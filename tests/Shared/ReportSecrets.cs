namespace Portal.Tests;

/// <summary>Fixed report keys for tests only: an AES-256 key with id <c>t1</c> and a P-256 signing key.</summary>
public static class ReportSecrets
{
    public const string KeyId = "t1";
    public const string EncryptionKey = "Ip8MSOM7rerIQo37/nmBukXYUM+WKlpoWNDHbCKf4DI=";
    public const string SigningKey = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgdXusP6uEDPbc770klExRfYrzIIgobLZmiEcXlCD+7dShRANCAAQCwfA5j9M+cQ4ZuAwRcTT2IWi1KsgIVkeaqmOrDYCqRm+2ZkIQ3di/anhXk1rmFPgVHaFFR/fkp4vnb2IjJ9lv";

    public static Dictionary<string, byte[]> Keys => new() { [KeyId] = Convert.FromBase64String(EncryptionKey) };

    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Portal:Reports:Secrets:EncryptionKeys:" + KeyId, EncryptionKey),
        new("Portal:Reports:Secrets:ActiveKeyId", KeyId),
        new("Portal:Reports:Secrets:SigningKey", SigningKey),
    ];
}
