using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Database;
using Portal.Core.Staff;

namespace Portal.Core.Submissions;

/// <summary>An API key of a department, for its own system to submit: only the SHA-256 of its secret is stored.</summary>
public sealed class DepartmentApiKey
{
    public Guid Id { get; set; }
    public Guid DepartmentId { get; set; }

    /// <summary>What the key is for, as the administrator named it (低保系统对接).</summary>
    public string Label { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

/// <summary>A key as an answer sees it: the department it speaks for and its name in the record.</summary>
public sealed record KeyHolder(Department Department, DepartmentApiKey Key)
{
    public string SubmittedBy => $"接口密钥 {Key.Label}（{Key.Id.ToString("N")[..8]}）";
}

/// <summary>
/// Per-department API keys: <c>{id}.{secret}</c>, the secret 32 random bytes shown once when made. A key checks in
/// constant time, and a revoked key is refused like an unknown one.
/// </summary>
public sealed class DepartmentKeys(PortalDb db, TimeProvider clock)
{
    public async Task<(DepartmentApiKey Key, string Token)> CreateAsync(Department department, string label, CancellationToken cancellationToken = default)
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        var key = new DepartmentApiKey { Id = Guid.NewGuid(), DepartmentId = department.Id, Label = label.Trim(), SecretHash = Hash(secret), CreatedAt = now };
        db.DepartmentApiKeys.Add(key);
        AuditLog.Append(db, null, "新建报送接口密钥", null, $"{department.Name}：{key.Label}（{key.Id:N}）", now);
        await db.SaveChangesAsync(cancellationToken);
        return (key, $"{key.Id:N}.{secret}");
    }

    public Task<List<DepartmentApiKey>> ListAsync(CancellationToken cancellationToken = default) =>
        db.DepartmentApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);

    /// <summary>False when there is no such key; revoking twice is not an error.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var key = await db.DepartmentApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        key.RevokedAt ??= now;
        AuditLog.Append(db, null, "吊销报送接口密钥", null, $"{key.Label}（{key.Id:N}）", now);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The department a bearer token speaks for, or null (unknown, malformed or revoked alike).</summary>
    public async Task<KeyHolder?> AuthenticateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (token?.Split('.') is not [var id, var secret] || !Guid.TryParseExact(id, "N", out var keyId)) return null;
        var key = await db.DepartmentApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == keyId && k.RevokedAt == null, cancellationToken);
        if (key is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(key.SecretHash))) return null;
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == key.DepartmentId, cancellationToken);
        return department is null ? null : new KeyHolder(department, key);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
