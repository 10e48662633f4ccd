using System.Security.Cryptography;

namespace Portal.Core.Reports;

/// <summary>
/// The keys that protect reports: AES-256 keys by id (the active one encrypts, all of them decrypt, so
/// keys can be rotated) and the office's ECDSA P-256 key that signs proofs of filing.
/// Make them with <c>portal-indexer keys</c> or <c>openssl rand -base64 32</c> / <c>openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256</c>.
/// </summary>
public sealed class ReportSecretsOptions
{
    public const string Section = "Portal:Reports:Secrets";

    /// <summary>Key id → Base64 of 32 random bytes.</summary>
    public Dictionary<string, string> EncryptionKeys { get; set; } = new();

    public string ActiveKeyId { get; set; } = "";

    /// <summary>Base64 of the PKCS#8 private key (the body of a PEM “PRIVATE KEY”).</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>
    /// Base64 of 32 bytes: the key of the hashes that find reports about the same person or unit. Empty means the key
    /// deployments before it used, derived from Portal:Lookup:HmacKey; pin that one (<c>portal-indexer keys duplicate</c>)
    /// before rotating the lookup key, or duplicates filed before stop being found.
    /// </summary>
    public string DuplicateKey { get; set; } = "";

    /// <summary>The duplicate key's bytes, or null when it is not set.</summary>
    public byte[]? DuplicateKeyBytes()
    {
        if (DuplicateKey.Length == 0) return null;
        byte[] key;
        try { key = Convert.FromBase64String(DuplicateKey); }
        catch (FormatException) { throw new InvalidOperationException("Portal:Reports:Secrets:DuplicateKey 不是有效的 Base64；请用 portal-indexer keys 生成。"); }
        return key.Length == 32 ? key : throw new InvalidOperationException("Portal:Reports:Secrets:DuplicateKey 应为 32 字节（portal-indexer keys 生成，或 portal-indexer keys duplicate 沿用现有的）。");
    }

    public Dictionary<string, byte[]> KeyBytes()
    {
        if (EncryptionKeys.Count == 0)
            throw new InvalidOperationException("未配置举报加密密钥 Portal:Reports:Secrets:EncryptionKeys。请运行 run.sh 自动生成，或用 openssl rand -base64 32 生成后通过环境变量 Portal__Reports__Secrets__EncryptionKeys__<编号> 提供。");
        var keys = new Dictionary<string, byte[]>();
        foreach (var (id, text) in EncryptionKeys)
        {
            if (id.Length is 0 or > 32 || !id.All(char.IsAsciiLetterOrDigit))
                throw new InvalidOperationException($"举报加密密钥编号“{id}”无效：只能用 1 到 32 个英文字母或数字。");
            byte[] key;
            try { key = Convert.FromBase64String(text); }
            catch (FormatException) { throw new InvalidOperationException($"举报加密密钥“{id}”不是有效的 Base64。"); }
            if (key.Length != 32) throw new InvalidOperationException($"举报加密密钥“{id}”应为 32 字节（openssl rand -base64 32）。");
            keys[id] = key;
        }
        if (!keys.ContainsKey(ActiveKeyId))
            throw new InvalidOperationException($"Portal:Reports:Secrets:ActiveKeyId“{ActiveKeyId}”不在已配置的密钥中（{string.Join("、", keys.Keys)}）。");
        return keys;
    }

    public ECDsa SigningAlgorithm()
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(SigningKey), out _);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException("Portal:Reports:Secrets:SigningKey 未设置或无效：应为 P-256 私钥的 PKCS#8 Base64。请运行 run.sh 自动生成，或用 portal-indexer keys 生成。");
        }
        if (ecdsa.KeySize != 256) throw new InvalidOperationException("Portal:Reports:Secrets:SigningKey 应为 P-256 私钥。");
        return ecdsa;
    }
}
