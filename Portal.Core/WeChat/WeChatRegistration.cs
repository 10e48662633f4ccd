using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Funds;
using Portal.Core.Regions;

namespace Portal.Core.WeChat;

public static class WeChatRegistration
{
    /// <summary>The callback and what it needs; the settings are checked at start-up so a wrong key fails loudly, not per message.</summary>
    public static IServiceCollection AddWeChat(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WeChatOptions>, ExplainedValidation>();
        services.AddSingleton(sp => new PlaceQuestionParser(sp.GetRequiredService<RegionCatalog>(), sp.GetRequiredService<FundCatalog>(), sp.GetRequiredService<ServedArea>().Counties));
        services.AddSingleton<ChatAnswers>();
        services.AddSingleton(sp => new RetryMemory(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WeChatCallback>();
        return services;
    }

    /// <summary>Says which setting is wrong and how to fix it.</summary>
    private sealed class ExplainedValidation : IValidateOptions<WeChatOptions>
    {
        public ValidateOptionsResult Validate(string? name, WeChatOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
