using System.Net;
using System.Text.Json;

namespace Portal.Api.Tests;

/// <summary>Checks that an answer is an RFC 9457 problem a Chinese reader can act on.</summary>
public static class Problems
{
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(HasChinese(problem.GetProperty("title").GetString()), "title should be Chinese");
        Assert.True(HasChinese(problem.GetProperty("detail").GetString()), "detail should be Chinese");
        return problem;
    }

    private static bool HasChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
