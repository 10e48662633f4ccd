using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Portal.Api.Tests.Exhibition;

internal static class ExhibitionRequests
{
    /// <summary>A 200 answer read as the API's own answer record.</summary>
    public static async Task<T> AnswerAsync<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web))!;
    }

    /// <summary>A GET with If-None-Match written exactly as given (a tag, a list of tags, or *).</summary>
    public static Task<HttpResponseMessage> GetIfNoneMatchAsync(this HttpClient client, string url, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.True(request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch));
        return client.SendAsync(request);
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri} has no ETag");

    /// <summary>Every string in a JSON answer, however deeply nested: what a client could render.</summary>
    public static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
