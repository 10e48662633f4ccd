using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Portal.Core.Tests.Payments.Elasticsearch;

/// <summary>
/// Stands in for the cluster in wire-format tests: records every request (method, path, headers, body) and answers
/// with the canned responses given for its method and path prefix, in order (the last one repeats).
/// </summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Path, Queue<(int Status, string Body)> Answers)> _routes = [];

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler On(HttpMethod method, string pathPrefix, params (int Status, string Body)[] answers)
    {
        _routes.Add((method, pathPrefix, new Queue<(int, string)>(answers)));
        return this;
    }

    public RecordedRequest Single(HttpMethod method, string pathPrefix) => Assert.Single(All(method, pathPrefix));

    public List<RecordedRequest> All(HttpMethod method, string pathPrefix) =>
        Requests.Where(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery.TrimStart('/');
        var body = request.Content?.ReadAsStringAsync(cancellationToken).GetAwaiter().GetResult();
        Requests.Add(new RecordedRequest(request.Method, Uri.UnescapeDataString(path), request.Content?.Headers.ContentType?.MediaType,
            request.Headers.Authorization?.ToString(), body));
        var route = _routes.LastOrDefault(r => r.Method == request.Method && Uri.UnescapeDataString(path).StartsWith(r.Path, StringComparison.Ordinal));
        if (route.Answers is null) return Answer(404, """{"error":{"type":"index_not_found_exception","reason":"no such index [unrouted]"},"status":404}""");
        var (status, text) = route.Answers.Count > 1 ? route.Answers.Dequeue() : route.Answers.Peek();
        return Answer(status, text);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Send(request, cancellationToken));

    private static HttpResponseMessage Answer(int status, string body) =>
        new((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

internal sealed record RecordedRequest(HttpMethod Method, string Path, string? ContentType, string? Authorization, string? Body)
{
    public JsonObject Json => JsonNode.Parse(Body!)!.AsObject();
}
