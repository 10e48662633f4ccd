namespace Portal.Core.Privacy;

/// <summary>The secret behind self lookup. Only the indexer and the hosts hold it; the index holds only its hashes.</summary>
public sealed class LookupOptions
{
    public const string Section = "Portal:Lookup";

    /// <summary>Base64, at least 32 bytes. Make one with: openssl rand -base64 32</summary>
    public string HmacKey { get; set; } = "";

    public byte[] KeyBytes()
    {
        byte[] key;
        try { key = Convert.FromBase64String(HmacKey); }
        catch (FormatException) { throw new InvalidOperationException("Portal:Lookup:HmacKey 不是有效的 Base64；请用 openssl rand -base64 32 生成。"); }
        if (key.Length < 32) throw new InvalidOperationException("Portal:Lookup:HmacKey 未设置或短于 32 字节；请用 openssl rand -base64 32 生成，并通过环境变量 Portal__Lookup__HmacKey 提供。");
        return key;
    }
}
