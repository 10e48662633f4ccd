using Portal.Core.Exhibition;
using System.CommandLine;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core;
using Portal.Core.Database;
using Portal.Core.Reports;
using Portal.Core.Supervision;
using Portal.Indexer.Sync;

namespace Portal.Indexer.Reports;

/// <summary>`reports sweep` (orphaned attachment blobs) and `reports bench` (durable submissions per second, lookup latency).</summary>
public static class ReportsCommand
{
    public static Command Create() => new("reports", "网上举报：清理孤立附件、密钥轮换后重新加密、性能基准") { Sweep(), Rekey(), Bench() };

    private static Command Rekey()
    {
        var command = new Command("rekey", "密钥轮换的最后一步：把用旧密钥加密的内容和附件（含线索的说明和证明材料）以及数据碰撞中密封的领取人身份用当前密钥重新加密；完成后才能移除旧密钥。可中断后重跑");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var services = host.Services;
            using var scope = services.CreateScope();
            var reports = await scope.ServiceProvider.GetRequiredService<ReportRekeying>().RekeyAsync(cancellationToken);
            var clues = await scope.ServiceProvider.GetRequiredService<ClueRekeying>().RekeyAsync(cancellationToken);
            var identities = await scope.ServiceProvider.GetRequiredService<IdentityRekeying>().RekeyAsync(cancellationToken);
            Console.WriteLine($"已用当前密钥重新加密 {reports.Values + clues.Values} 个字段、{reports.Attachments + clues.Attachments} 个附件（含线索的证明材料 {clues.Attachments} 个）。");
            Console.WriteLine($"已用当前密钥重新加密领取人身份：发放对象 {identities.PaymentSubjects} 条、线索 {identities.Clues} 条。");
            return 0;
        });
        return command;
    }

    private static Command Sweep()
    {
        var command = new Command("sweep", "删除没有举报记录对应的附件（提交中途崩溃留下的），只动超过 Portal:Reports:OrphanBlobMinutes 的");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = IndexerHost.Build(parse);
            var services = host.Services;
            var removed = await services.GetRequiredService<OrphanAttachmentSweeper>().SweepAsync(cancellationToken);
            Console.WriteLine($"已删除 {removed} 个孤立附件。");
            return 0;
        });
        return command;
    }

    private static Command Bench()
    {
        var reports = new Option<int>("--reports") { Description = "多客户端阶段提交的举报数", DefaultValueFactory = _ => 400 };
        var clients = new Option<int>("--clients") { Description = "并发客户端数", DefaultValueFactory = _ => 8 };
        var lookups = new Option<int>("--lookups") { Description = "进度查询次数", DefaultValueFactory = _ => 300 };
        var attachmentKb = new Option<int>("--attachment-kb") { Description = "每件举报附一张这么大的图片（0 为不附）", DefaultValueFactory = _ => 200 };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL 连接字符串；不给则用临时文件夹里的 SQLite" };
        var command = new Command("bench", "基准：持久化提交举报的速度（单客户端与多客户端）和进度查询延迟 p50/p99") { reports, clients, lookups, attachmentKb, postgres };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var work = Path.Combine(Path.GetTempPath(), "portal-reports-bench-" + Guid.NewGuid().ToString("N")[..8]);
            var connection = parse.GetValue(postgres);
            using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var settings = new Dictionary<string, string?>
            {
                ["Portal:DataDirectory"] = work,
                ["Portal:Lookup:HmacKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Portal:Reports:Secrets:EncryptionKeys:bench"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Portal:Reports:Secrets:ActiveKeyId"] = "bench",
                ["Portal:Reports:Secrets:SigningKey"] = Convert.ToBase64String(signing.ExportPkcs8PrivateKey()),
                ["Portal:Database:Provider"] = connection is null ? "sqlite" : "postgres",
                ["Portal:Database:ConnectionString"] = connection ?? "",
            };
            using var host = IndexerHost.Build(parse, settings);
            var services = host.Services;
            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
                if (connection is not null) await db.Database.EnsureDeletedAsync(cancellationToken);
                await DatabaseMigrator.MigrateAsync(db, services.GetRequiredService<IOptions<PortalOptions>>().Value.ResolveContentDirectory(), services.GetRequiredService<ExhibitionMediaStore>(), services.GetRequiredService<Portal.Core.Offices.OfficeTree>(), cancellationToken);
            }
            var attachment = new byte[parse.GetValue(attachmentKb) * 1024];
            RandomNumberGenerator.Fill(attachment);
            if (attachment.Length >= 3) (attachment[0], attachment[1], attachment[2]) = ((byte)0xFF, (byte)0xD8, (byte)0xFF);
            var region = services.GetRequiredService<Portal.Core.Regions.RegionCatalog>().Find("410221")!.Code;
            var codes = new System.Collections.Concurrent.ConcurrentBag<string>();

            async Task SubmitAsync(int i)
            {
                using var scope = services.CreateScope();
                var form = BenchReport(i, region);
                IncomingFile[] files = attachment.Length == 0 ? [] : [new IncomingFile("roster.jpg", attachment.Length, () => new MemoryStream(attachment))];
                var result = await scope.ServiceProvider.GetRequiredService<ReportIntake>().SubmitAsync(form, files, cancellationToken);
                if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Values));
                codes.Add(result.Receipt!.QueryCode);
            }

            var singleCount = Math.Max(1, parse.GetValue(reports) / 4);
            var single = Stopwatch.StartNew();
            for (var i = 0; i < singleCount; i++) await SubmitAsync(i);
            single.Stop();

            var manyCount = parse.GetValue(reports);
            var clientCount = Math.Max(1, parse.GetValue(clients));
            var next = singleCount;
            var many = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clientCount).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) <= singleCount + manyCount) await SubmitAsync(i);
            }, cancellationToken)));
            many.Stop();

            var known = codes.ToArray();
            var latencies = new List<double>();
            var random = new Random(1);
            for (var i = 0; i < parse.GetValue(lookups); i++)
            {
                using var scope = services.CreateScope();
                var progress = scope.ServiceProvider.GetRequiredService<ReportProgress>();
                var started = Stopwatch.GetTimestamp();
                if (await progress.LookupAsync(known[random.Next(known.Length)], BenchPassword, cancellationToken) is null)
                    throw new InvalidOperationException("A bench report could not be looked up.");
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            latencies.Sort();
            // The deliberate cost inside each submission and lookup: one password hash (PBKDF2, ASP.NET Core Identity's format).
            var hashing = Stopwatch.StartNew();
            for (var i = 0; i < 20; i++) new Microsoft.AspNetCore.Identity.PasswordHasher<Report>().HashPassword(new Report(), BenchPassword);
            hashing.Stop();
            var report = new
            {
                database = connection is null ? "sqlite" : "postgres",
                attachmentBytes = attachment.Length,
                singleClientReports = singleCount,
                singleClientPerSecond = Math.Round(singleCount / single.Elapsed.TotalSeconds, 1),
                clients = clientCount,
                manyClientReports = manyCount,
                manyClientPerSecond = Math.Round(manyCount / many.Elapsed.TotalSeconds, 1),
                lookups = latencies.Count,
                lookupP50Ms = Math.Round(latencies[latencies.Count / 2], 1),
                lookupP99Ms = Math.Round(latencies[(int)(latencies.Count * 0.99)], 1),
                passwordHashMs = Math.Round(hashing.Elapsed.TotalMilliseconds / 20, 1),
                processorCount = Environment.ProcessorCount,
                dataDirectory = work,
            };
            Console.WriteLine(JsonSerializer.Serialize(report, SyncSummary.JsonOptions));
            return 0;
        });
        return command;
    }

    private const string BenchPassword = "bench-password-1";

    private static ReportSubmission BenchReport(int i, string region) => new()
    {
        Anonymous = i % 2 == 0,
        Reporter = i % 2 == 0 ? null : new ReporterFields { Name = "测试人", IdNumber = "11010519491231002X", Phone = "13800138000" },
        ReportedPerson = new ReportedPersonFields { Name = $"王某{i % 50}", Unit = $"某某镇第{i % 20}村村委会", Position = "村委会主任", Level = "乡科级及以下", Region = region },
        Category = "违反群众纪律",
        Title = $"基准测试举报 {i}",
        Content = $"基准测试第 {i} 件：反映某村干部在低保评定中优亲厚友，把不符合条件的亲属纳入低保，群众意见很大。编号 {Guid.NewGuid():N}",
        Password = BenchPassword,
        SubmissionToken = Guid.NewGuid().ToString("N"),
    };
}
