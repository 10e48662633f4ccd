using System.Net;
using Portal.Core.WeChat;

namespace Portal.Api.Tests.WeChat;

[Collection(ApiCollection.Name)]
public class NotConfiguredTests(PortalApiFactory factory)
{
    [Fact]
    public async Task Without_a_token_the_callback_answers_a_chinese_problem_saying_what_to_configure()
    {
        var response = await factory.CreateClient().PostAsync("/wechat?signature=a&timestamp=1&nonce=2", new StringContent("<xml/>"));
        var problem = await Problems.AssertProblem(response, HttpStatusCode.NotFound);
        Assert.Equal(WeChatCallback.NotConfigured, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_callback_is_not_part_of_the_app_developers_API_document()
    {
        var document = await factory.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("/wechat", document);
    }
}
