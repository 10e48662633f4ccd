namespace Portal.Api.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json, described in Chinese for the mini-program and app developers.</summary>
public static class ApiDocuments
{
    public static IServiceCollection AddApiDocuments(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "惠民资金公开 API";
            document.Info.Description = "惠民资金公开的移动端接口：资金目录、区划逐级汇总、发放明细检索与本人查询。金额单位为元，精确到分；姓名已脱敏，身份证号码从不返回。";
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // Amounts are exact decimals (yuan to the fen); the generator would call them double.
            if (context.JsonTypeInfo.Type == typeof(decimal)) schema.Format = "decimal";
            return Task.CompletedTask;
        }));
}
