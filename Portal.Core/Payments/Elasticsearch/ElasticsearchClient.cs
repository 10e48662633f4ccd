using System.Net;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Core.Payments.Elasticsearch;

/// <summary>
/// The few REST calls the payment index makes, over HttpClient and System.Text.Json (no Elastic client library is
/// served here). Reads are asynchronous, so a site waiting on the cluster holds no thread; the writers run in the
/// indexer's command line and use the blocking <see cref="Send"/> and <see cref="Bulk"/>. 429 and 5xx answers are retried with back-off.
/// </summary>
public sealed class ElasticsearchClient : IDisposable
{
    /// <summary>Tries per request for writers, which can wait; a page cannot, so readers are given fewer.</summary>
    public const int WriterAttempts = 6;
    public const int ReaderAttempts = 2;
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue NdJson = new("application/x-ndjson");

    /// <summary>Chinese text as UTF-8, not \u escapes: a third of the bytes in bulk bodies full of names and places.</summary>
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;
    private readonly Func<TimeSpan, CancellationToken, Task> _wait;
    private readonly int _attempts;

    /// <param name="handler">Null for the real network; tests pass a recording handler.</param>
    /// <param name="sleep">How to wait between retries; tests record the back-off instead of waiting.</param>
    public ElasticsearchClient(ElasticsearchOptions options, HttpMessageHandler? handler = null, Action<TimeSpan>? sleep = null, int attempts = WriterAttempts)
    {
        _attempts = Math.Max(1, attempts);
        // A handler passed in belongs to the caller (tests share one between clients).
        _http = new HttpClient(handler ?? CreateHandler(options), disposeHandler: handler is null) { BaseAddress = new Uri(options.Url.TrimEnd('/') + "/"), Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        if (options.ApiKey.Length > 0) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", options.ApiKey);
        else if (options.Username.Length > 0)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        _timeout = options.Timeout;
        _wait = sleep is null ? Task.Delay : (pause, _) =>
        {
            sleep(pause);
            return Task.CompletedTask;
        };
        Alias = options.Alias;
        BulkBatchSize = Math.Max(1, options.BulkBatchSize);
    }

    public string Alias { get; }
    public int BulkBatchSize { get; }

    /// <summary>The cluster answers and its health is green or yellow (yellow: a replica is missing, every shard is searchable).</summary>
    public ClusterHealth Health()
    {
        try
        {
            var status = Send(HttpMethod.Get, "_cluster/health", null)!.Value.GetProperty("status").GetString() ?? "";
            return new ClusterHealth(status, status is "green" or "yellow");
        }
        catch (Exception e) when (e is ElasticsearchException or HttpRequestException or TaskCanceledException)
        {
            return new ClusterHealth("unreachable: " + e.Message, false);
        }
    }

    /// <summary>Blocks on <see cref="SendAsync"/>: for the command line, where no request thread waits.</summary>
    public JsonElement? Send(HttpMethod method, string path, JsonNode? body, bool notFoundIsNull = false, TimeSpan? timeout = null) =>
        SendAsync(method, path, body, notFoundIsNull, timeout).GetAwaiter().GetResult();

    /// <summary>Sends one JSON request; null when the answer is 404 and <paramref name="notFoundIsNull"/>. Other errors throw.</summary>
    public async Task<JsonElement?> SendAsync(HttpMethod method, string path, JsonNode? body, bool notFoundIsNull = false, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var text = body?.ToJsonString(Compact);
        var (status, answer) = await ExchangeAsync(() => new HttpRequestMessage(method, path)
        {
            Content = text is null ? null : new StringContent(text, Encoding.UTF8) { Headers = { ContentType = Json } },
        }, timeout ?? _timeout, cancellationToken);
        if (status == HttpStatusCode.NotFound && notFoundIsNull) return null;
        if ((int)status >= 300) throw ElasticsearchException.From(method, path, status, answer);
        return answer;
    }

    /// <summary>
    /// Sends actions to <c>_bulk</c> in batches of <see cref="BulkBatchSize"/>. Items the cluster refuses with 429
    /// (its write queue is full) are sent again after a back-off; any other refused item fails the whole call.
    /// </summary>
    public void Bulk(IEnumerable<BulkAction> actions, string refresh = "false")
    {
        foreach (var batch in actions.Chunk(BulkBatchSize))
        {
            var pending = batch;
            for (var attempt = 1; pending.Length > 0; attempt++)
            {
                var body = BulkBody(pending);
                var (status, answer) = ExchangeAsync(() => new HttpRequestMessage(HttpMethod.Post, $"{Alias}/_bulk?refresh={refresh}")
                {
                    Content = new StringContent(body, Encoding.UTF8) { Headers = { ContentType = NdJson } },
                }, _timeout, CancellationToken.None).GetAwaiter().GetResult();
                if ((int)status >= 300) throw ElasticsearchException.From(HttpMethod.Post, "_bulk", status, answer);
                pending = Rejected(pending, answer!.Value);
                if (pending.Length == 0) break;
                if (attempt == _attempts) throw new ElasticsearchException($"Elasticsearch 连续 {_attempts} 次以 429 拒绝了 {pending.Length} 条写入，集群过载，请稍后重试。", 429);
                _wait(Backoff(attempt), CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>One action line, and for index actions the document line; every line ends with a newline, the last one too.</summary>
    public static string BulkBody(IEnumerable<BulkAction> actions)
    {
        var text = new StringBuilder();
        foreach (var action in actions)
        {
            text.Append(new JsonObject { [action.Kind] = new JsonObject { ["_id"] = action.Id } }.ToJsonString(Compact)).Append('\n');
            if (action.Source is not null) text.Append(action.Source.ToJsonString(Compact)).Append('\n');
        }
        return text.ToString();
    }

    private static BulkAction[] Rejected(BulkAction[] sent, JsonElement answer)
    {
        if (!answer.GetProperty("errors").GetBoolean()) return [];
        var again = new List<BulkAction>();
        var items = answer.GetProperty("items");
        for (var i = 0; i < sent.Length; i++)
        {
            var result = items[i].EnumerateObject().First().Value;
            var status = result.GetProperty("status").GetInt32();
            if (status == 429) again.Add(sent[i]);
            else if (status >= 300 && !(status == 404 && sent[i].Kind == BulkAction.Delete))
                throw new ElasticsearchException($"Elasticsearch 拒绝了文档 {sent[i].Id}：{Reason(result)}", status);
        }
        return again.ToArray();
    }

    /// <summary>
    /// Retries 429 and 5xx answers and dropped connections with exponential back-off (0.5 s, 1 s, 2 s … at most 30 s);
    /// each try has the timeout, and the caller's cancellation (a visitor who left) ends them all.
    /// </summary>
    private async Task<(HttpStatusCode Status, JsonElement? Body)> ExchangeAsync(Func<HttpRequestMessage> request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                cancel.CancelAfter(timeout);
                using var message = request();
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancel.Token);
                var status = response.StatusCode;
                if ((status == HttpStatusCode.TooManyRequests || (int)status >= 500) && attempt < _attempts)
                {
                    await _wait(Backoff(attempt), cancellationToken);
                    continue;
                }
                await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
                if (stream.CanSeek && stream.Length == 0) return (status, null);
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancel.Token);
                return (status, document.RootElement.Clone());
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < _attempts && !cancellationToken.IsCancellationRequested)
            {
                await _wait(Backoff(attempt), cancellationToken);
            }
        }
    }

    public static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, attempt - 1)));

    internal static string Reason(JsonElement result) =>
        result.TryGetProperty("error", out var error)
            ? error.ValueKind == JsonValueKind.Object
                ? $"{(error.TryGetProperty("type", out var t) ? t.GetString() : "")}: {(error.TryGetProperty("reason", out var r) ? r.GetString() : "")}"
                : error.ToString()
            : result.ToString();

    /// <summary>With a CA file the cluster's certificate must chain to that CA alone (the host name is still checked).</summary>
    private static SocketsHttpHandler CreateHandler(ElasticsearchOptions options)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (options.CaCertificatePath.Length == 0) return handler;
        var ca = LoadCertificate(options.CaCertificatePath);
        handler.SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, sent, errors) =>
            {
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None) return false;
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                // Intermediates the node sent; only the configured CA is trusted as a root.
                if (sent is not null) foreach (var element in sent.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                return chain.Build(new X509Certificate2(certificate));
            },
        };
        return handler;
    }

    internal static X509Certificate2 LoadCertificate(string path)
    {
        var text = File.ReadAllText(path);
        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificateFromFile(path);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One line pair of a <c>_bulk</c> request: index a document under an id, or delete one.</summary>
public sealed record BulkAction(string Kind, string Id, JsonObject? Source)
{
    public const string Index = "index";
    public const string Delete = "delete";

    public static BulkAction IndexDocument(string id, JsonObject source) => new(Index, id, source);
}

public sealed record ClusterHealth(string Status, bool Ready);

/// <summary>An answer of Elasticsearch that is an error, with its type and reason as the cluster gave them.</summary>
public sealed class ElasticsearchException(string message, int status) : Exception(message)
{
    public int Status { get; } = status;

    internal static ElasticsearchException From(HttpMethod method, string path, HttpStatusCode status, JsonElement? body) =>
        new($"Elasticsearch 返回 {(int)status}（{method} /{path}）：{(body is { } b ? ElasticsearchClient.Reason(b) : "无内容")}", (int)status);
}
