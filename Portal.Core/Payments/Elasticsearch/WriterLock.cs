using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Ingest;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// The writers' lock as a lease: the <c>portal-sync-lock</c> document names its holder and when it expires. The holder
/// renews it every third of the lease and right before it commits, each time by a write conditional on the
/// <c>_seq_no</c>/<c>_primary_term</c> of its own last write, so a writer whose lock was taken over learns it at its next
/// renewal and can never commit. A lock past its expiry (its writer was killed) is taken over by the same kind of write.
/// </summary>
public sealed class WriterLock : IDisposable
{
    private readonly ElasticsearchClient _client;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lease;
    private readonly string _index;
    private readonly string _holder;
    private readonly DateTimeOffset _acquiredAt;
    private readonly string _token;
    private readonly System.Threading.Lock _gate = new();
    private readonly ITimer _timer;
    private (long SeqNo, long PrimaryTerm) _version;
    private DateTimeOffset _renewedAt;
    private string? _lost;
    private bool _closed;

    private WriterLock(ElasticsearchClient client, TimeProvider clock, TimeSpan lease, string index, string holder, DateTimeOffset acquiredAt, string token, (long, long) version)
    {
        (_client, _clock, _lease, _index, _holder, _acquiredAt, _token, _version, _renewedAt) = (client, clock, lease, index, holder, acquiredAt, token, version, acquiredAt);
        _timer = clock.CreateTimer(_ => Tick(), null, lease / 3, lease / 3);
    }

    /// <summary>
    /// Creates the lock (<c>_create</c>: only if absent) or takes over one whose lease has run out; refuses while another
    /// writer's lease runs. Of two writers taking over the same expired lock, the conditional write lets exactly one win.
    /// </summary>
    public static WriterLock Acquire(ElasticsearchClient client, TimeProvider clock, TimeSpan lease, string holder, string? index = null)
    {
        var target = index ?? client.Alias;
        var token = Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var now = clock.GetUtcNow();
            var body = Body(holder, token, now, now + lease);
            WriterLock Held((long, long) version) => new(client, clock, lease, target, holder, now, token, version);
            try { return Held(Version(client.Send(HttpMethod.Put, $"{target}/_create/{PaymentDocuments.LockId}?refresh=true", body)!.Value)); }
            catch (ElasticsearchException e) when (e.Status == 409)
            {
                // Released between the create and this read: try to create it again.
                if (Read(client, target) is not { } held) { if (attempt < 3) continue; throw Refused(client, null, e); }
                if (held.Token == token) return Held(held.Version);
                if (!held.Lease.Expired(now)) throw Refused(client, held.Lease, e);
                try { return Held(Version(client.Send(HttpMethod.Put, Conditional(target, held.Version), body)!.Value)); }
                catch (ElasticsearchException lost) when (lost.Status == 409)
                {
                    var winner = Read(client, target);
                    if (winner?.Token == token) return Held(winner.Version);
                    if (winner is null && attempt < 3) continue;
                    throw Refused(client, winner?.Lease, lost);
                }
            }
        }
    }

    /// <summary>The lock as it is now, with the version a conditional write needs; null when nobody holds it.</summary>
    internal static HeldLock? Read(ElasticsearchClient client, string index)
    {
        if (client.Send(HttpMethod.Get, $"{index}/_doc/{PaymentDocuments.LockId}", null, notFoundIsNull: true) is not { } doc
            || !doc.TryGetProperty("_source", out var source)) return null;
        return new HeldLock(new LockLease(
                source.GetProperty("holder").GetString() ?? "",
                SyncState.Time(source.GetProperty("acquiredAt").GetString()),
                // A lock written before leases existed has no expiry: it holds until `es unlock`, as it always did.
                source.TryGetProperty("expiresAt", out var e) && e.GetString() is { } text ? SyncState.Time(text) : null),
            source.TryGetProperty("token", out var t) ? t.GetString() : null,
            Version(doc));
    }

    /// <summary>Renews the lease now; throws (and keeps throwing) once the lock turns out to be someone else's.</summary>
    public void Renew()
    {
        lock (_gate)
        {
            ThrowIfLost();
            var now = _clock.GetUtcNow();
            try { _version = Version(_client.Send(HttpMethod.Put, Conditional(_index, _version), Body(_holder, _token, _acquiredAt, now + _lease))!.Value); }
            catch (ElasticsearchException e) when (e.Status == 409)
            {
                // The client retries a request whose answer was lost: a renewal that had landed the first time conflicts with itself.
                var current = Read(_client, _index);
                if (current?.Token == _token) _version = current.Version;
                else
                {
                    _lost = current?.Lease.ToString() ?? "无人（已被 es unlock 解除）";
                    ThrowIfLost();
                }
            }
            _renewedAt = now;
        }
    }

    /// <summary>Before each write: fails if the lock was lost, and renews it first if a third of the lease has passed.</summary>
    public void EnsureHeld()
    {
        lock (_gate)
        {
            ThrowIfLost();
            if (_clock.GetUtcNow() - _renewedAt >= _lease / 3) Renew();
        }
    }

    /// <summary>Whether the lock is still this writer's (renewing it to find out): a writer that lost it must not touch the index.</summary>
    public bool StillHeld()
    {
        try { Renew(); return true; }
        catch (ElasticsearchException e) when (e.Status == 409) { return false; }
    }

    /// <summary>A renewal the cluster does not answer is tried again at the next tick or write; a lost lock is recorded for the next write.</summary>
    private void Tick()
    {
        try
        {
            lock (_gate) if (!_closed && _lost is null) EnsureHeld();
        }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException) { }
    }

    private void ThrowIfLost()
    {
        if (_lost is not null)
            throw new ElasticsearchException($"写入锁已被接管，现在的持有者：{_lost}。本次运行（{_holder}）的租约已失效，它写入的内容一律不提交、" +
                $"对读者不可见，下一次同步会清除；请确认没有别的同步在运行后重新运行。", 409);
    }

    /// <summary>Deletes the lock only if it is still this writer's version, so a writer that lost it never removes its successor's.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed) return;
            _closed = true;
            _timer.Dispose();
            if (_lost is null)
                try { _client.Send(HttpMethod.Delete, Conditional(_index, _version), null, notFoundIsNull: true); }
                catch (ElasticsearchException e) when (e.Status == 409) { }
        }
    }

    private static string Conditional(string index, (long SeqNo, long PrimaryTerm) version) =>
        $"{index}/_doc/{PaymentDocuments.LockId}?if_seq_no={version.SeqNo}&if_primary_term={version.PrimaryTerm}&refresh=true";

    private static JsonObject Body(string holder, string token, DateTimeOffset acquiredAt, DateTimeOffset expiresAt) => new()
    {
        ["type"] = PaymentDocuments.LockType,
        ["holder"] = holder,
        ["token"] = token,
        ["acquiredAt"] = SyncState.Text(acquiredAt),
        ["expiresAt"] = SyncState.Text(expiresAt),
    };

    /// <summary>Index, get and create answers all carry the document's <c>_seq_no</c> and <c>_primary_term</c>.</summary>
    private static (long, long) Version(JsonElement answer) => (answer.GetProperty("_seq_no").GetInt64(), answer.GetProperty("_primary_term").GetInt64());

    private static ExportFileException Refused(ElasticsearchClient client, LockLease? held, Exception inner) =>
        new($"另一个同步或重建正在写入 Elasticsearch 索引 {client.Alias}（{held?.ToString() ?? "持有者不明"}），请等它结束后再试；" +
            "若它已异常退出，租约到期后下一次同步会自动接管；急需时确认它确已退出，再运行 portal-indexer es unlock 解除锁定。", inner);
}

/// <summary>Who holds the writers' lock, since when, and until when unless renewed (null: a lock from before leases, held until unlocked).</summary>
public sealed record LockLease(string Holder, DateTimeOffset AcquiredAt, DateTimeOffset? ExpiresAt)
{
    public bool Expired(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    public override string ToString() =>
        $"{Holder}，{Time(AcquiredAt)} 取得，" + (ExpiresAt is { } e ? $"租约到 {Time(e)}" : "无租约期限，须 es unlock 解除");

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}

/// <summary>The lock document as read: its lease, the token only its taker knows (a writer recognises its own write by it), its version.</summary>
internal sealed record HeldLock(LockLease Lease, string? Token, (long SeqNo, long PrimaryTerm) Version);
