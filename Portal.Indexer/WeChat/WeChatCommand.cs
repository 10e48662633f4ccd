using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Ingest;
using Portal.Core.Payments.Lucene;
using Portal.Core.Regions;
using Portal.Core.WeChat;
using Portal.Indexer.Bench;
using Portal.Indexer.Sync;

namespace Portal.Indexer.WeChat;

/// <summary>`wechat menu` prints the Official Account's menu for a site; `wechat bench` measures the callback's latency.</summary>
public static class WeChatCommand
{
    public static Command Create() => new("wechat", "微信公众号：打印自定义菜单、测量消息回调的延迟") { Menu(), Bench() };

    private static Command Menu()
    {
        var baseUrl = new Option<string>("--base-url") { Description = "网站的公开地址，如 https://jw.example.gov.cn", Required = true };
        var file = new Option<string?>("--file") { Description = "菜单模板（默认：随程序发布的 deploy/wechat/menu.json）" };
        var command = new Command("menu", "打印公众号“创建菜单”接口的请求正文，链接指向给定的网站地址") { baseUrl, file };
        command.SetAction(parse =>
        {
            var template = parse.GetValue(file) is { } path ? File.ReadAllText(path) : BundledMenu();
            try
            {
                Console.WriteLine(WeChatMenu.ForSite(template, parse.GetValue(baseUrl)!));
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static string BundledMenu()
    {
        using var stream = typeof(WeChatCommand).Assembly.GetManifestResourceStream("menu.json")!;
        return new StreamReader(stream).ReadToEnd();
    }

    private static Command Bench()
    {
        var rows = new Option<int>("--rows") { Description = "索引的行数", DefaultValueFactory = _ => 1_000_000 };
        var work = new Option<string>("--work") { Description = "放生成文件和索引的文件夹（与 bench 共用导出文件）", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "portal-bench") };
        var questions = new Option<int>("--questions") { Description = "每种模式发送的文字提问数", DefaultValueFactory = _ => 5_000 };
        var command = new Command("bench", "基准：对百万行索引，一条文字提问经回调（验签、解析、检索、组织回复，安全模式另加解密和加密）的延迟 p50/p99") { rows, work, questions };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var context = host.Context();
            var dir = parse.GetValue(work)!;
            var indexPath = Path.Combine(dir, $"wechat-index-{parse.GetValue(rows)}", "payments-index");
            if (!Directory.Exists(indexPath)) Publish(context, BenchExport.Ensure(context, dir, parse.GetValue(rows)), Path.GetDirectoryName(indexPath)!);
            using var index = new LucenePaymentIndex(indexPath, context.Funds, TimeProvider.System);
            var texts = Questions(context.Regions, parse.GetValue(questions) + Warmup);
            var report = new
            {
                rows = (await index.SummarizeAsync(Region.CountryCode, null, null, Portal.Core.Payments.SummaryGrouping.Fund, cancellationToken)).Sum(t => t.Count),
                questions = texts.Count - Warmup,
                modes = Measure(context, index, texts),
            };
            Console.WriteLine(JsonSerializer.Serialize(report, SyncSummary.JsonOptions));
            return 0;
        });
        return command;
    }

    private const int Warmup = 1_000;
    private const string Token = "benchToken";
    private const string AppId = "wxbench0000000000";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /// <summary>The county the questions name (杞县), one of the bench export's counties.</summary>
    private const string County = "410221";

    private static void Publish(IndexerContext context, IReadOnlyList<string> files, string data)
    {
        var validation = new ExportValidation(context.Regions, context.Funds, new Portal.Core.Privacy.OwnerKey(new byte[32]), TimeProvider.System);
        using var sync = new PartitionSync(validation, () => new LucenePaymentWriter(Path.Combine(data, "payments-index"), context.Regions), data);
        foreach (var file in files) sync.Run(file, new SyncSettings(), Path.Combine(data, "bench.rejected.csv"), dryRun: false);
        sync.Commit();
    }

    /// <summary>What villagers send: a township and village with a fund, a bare village (sometimes ambiguous), a township.</summary>
    private static List<string> Questions(RegionCatalog regions, int count)
    {
        var townships = regions.Children(County);
        var funds = new[] { "低保", "农村低保", "高龄津贴", "残疾人生活补贴", "" };
        var random = new Random(5);
        return Enumerable.Range(0, count).Select(i =>
        {
            var township = townships[random.Next(townships.Count)];
            var villages = regions.Children(township.Code);
            var village = RegionCatalog.DisplayName(villages[random.Next(villages.Count)]);
            return (i % 4) switch
            {
                0 => village,
                1 => township.Name,
                _ => $"{township.Name}{village} {funds[random.Next(funds.Length)]}",
            };
        }).ToList();
    }

    /// <summary>Both modes take turns on the same questions, so neither gets the other's warm-up or a quieter moment.</summary>
    private static object Measure(IndexerContext context, LucenePaymentIndex index, List<string> texts)
    {
        var modes = new[] { new CallbackTimer(context, index, EncodingMode.Plain), new CallbackTimer(context, index, EncodingMode.Safe) };
        for (var i = 0; i < texts.Count; i++)
            foreach (var mode in modes) mode.Ask(i, texts[i], measured: i >= Warmup);
        return modes.ToDictionary(m => m.Mode.ToString().ToLowerInvariant(), m => m.Report());
    }

    /// <summary>One mode's callback, asked a question at a time as the platform would, timing only the callback's own work.</summary>
    private sealed class CallbackTimer
    {
        private readonly WeChatCallback _callback;
        private readonly MessageCrypto _crypto = new(AesKey, AppId);
        private readonly List<double> _latencies = [];
        private readonly Dictionary<string, int> _replies = [];

        public CallbackTimer(IndexerContext context, LucenePaymentIndex index, EncodingMode mode)
        {
            Mode = mode;
            _callback = new WeChatCallback(Options.Create(new WeChatOptions { Token = Token, AppId = AppId, EncodingAesKey = AesKey, EncodingMode = mode }),
                new ChatAnswers(new PlaceQuestionParser(context.Regions, context.Funds, new ServedArea(context.Regions, context.Portal.ServedRegions).Counties), index, context.Regions, context.Funds),
                new RetryMemory(TimeProvider.System), TimeProvider.System, NullLogger<WeChatCallback>.Instance);
        }

        public EncodingMode Mode { get; }

        public void Ask(int i, string text, bool measured)
        {
            var time = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = i.ToString(CultureInfo.InvariantCulture);
            var xml = $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[o_bench_{i % 97}]]></FromUserName><CreateTime>{time}</CreateTime>" +
                $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content><MsgId>{i}</MsgId></xml>";
            var query = new CallbackQuery(WeChatSignature.Compute(Token, time, nonce), time, nonce);
            if (Mode == EncodingMode.Safe)
            {
                var encrypt = _crypto.Encrypt(xml);
                query = query with { EncryptType = "aes", MsgSignature = WeChatSignature.Compute(Token, time, nonce, encrypt) };
                xml = $"<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
            }
            var start = Stopwatch.GetTimestamp();
            var outcome = _callback.HandleAsync(query, xml, "https://jw.example.gov.cn").GetAwaiter().GetResult();
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (!measured) return;
            _latencies.Add(elapsed);
            var body = SafeXml.ReadFields(outcome.Body)?.GetValueOrDefault("Encrypt") is { } sealedReply ? _crypto.Decrypt(sealedReply)! : outcome.Body;
            var kind = outcome.Refused ? "refused" : SafeXml.ReadFields(body)?.GetValueOrDefault("MsgType") ?? body;
            _replies[kind] = _replies.GetValueOrDefault(kind) + 1;
        }

        public object Report()
        {
            _latencies.Sort();
            return new
            {
                p50Ms = Math.Round(_latencies[_latencies.Count / 2], 3),
                p99Ms = Math.Round(_latencies[(int)(_latencies.Count * 0.99)], 3),
                maxMs = Math.Round(_latencies[^1], 3),
                replies = _replies,
            };
        }
    }
}
