using System.CommandLine;
using System.Security.Cryptography;
using Portal.Core.Database;
using Portal.Core.Privacy;
using Portal.Core.Reports;

namespace Portal.Indexer.Reports;

/// <summary>`keys`: makes new secrets as environment lines, for a first install or a key rotation. It stores nothing.</summary>
public static class KeysCommand
{
    public static Command Create()
    {
        var keyId = new Option<string>("--key-id") { Description = "新加密密钥的编号（轮换时换一个新编号，旧密钥保留用于解密）", DefaultValueFactory = _ => "k" + DateTime.UtcNow.ToString("yyyyMMdd") };
        var command = new Command("keys", "生成举报加密密钥、回执签名密钥和本人查询密钥（输出为环境变量行，请存入密钥管理，不要提交到代码库）") { keyId };
        command.Subcommands.Add(CertificateCommand());
        command.Subcommands.Add(DuplicateCommand());
        command.SetAction(parse =>
        {
            var id = parse.GetValue(keyId)!;
            if (id.Length is 0 or > 32 || !id.All(char.IsAsciiLetterOrDigit))
            {
                Console.Error.WriteLine("--key-id 只能用 1 到 32 个英文字母或数字。");
                return 2;
            }
            using var signing = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            Console.WriteLine($"Portal__Reports__Secrets__EncryptionKeys__{id}={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");
            Console.WriteLine($"Portal__Reports__Secrets__ActiveKeyId={id}");
            Console.WriteLine($"Portal__Reports__Secrets__SigningKey={Convert.ToBase64String(signing.ExportPkcs8PrivateKey())}");
            Console.WriteLine($"Portal__Reports__Secrets__DuplicateKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");
            Console.WriteLine("# 本人查询密钥只在首次安装时生成；更换它必须重新同步全部惠民资金数据。");
            Console.WriteLine($"Portal__Lookup__HmacKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// `keys duplicate`: the duplicate-report key an installation without one uses (derived from Portal__Lookup__HmacKey in the
    /// environment), as a setting line, so it can be pinned before the lookup key is rotated.
    /// </summary>
    private static Command DuplicateCommand()
    {
        var command = new Command("duplicate", "输出当前（由本人查询密钥派生的）疑似重复举报密钥，固定下来后再更换本人查询密钥（需要环境变量 Portal__Lookup__HmacKey）");
        command.SetAction(_ =>
        {
            var lookup = new LookupOptions { HmacKey = Environment.GetEnvironmentVariable("Portal__Lookup__HmacKey") ?? "" };
            try
            {
                Console.WriteLine($"Portal__Reports__Secrets__DuplicateKey={Convert.ToBase64String(DuplicateFinder.KeyFromLookupKey(lookup.KeyBytes()))}");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    /// <summary>`keys certificate`: the certificate that encrypts the sites' data-protection keys in the database, as a setting line.</summary>
    private static Command CertificateCommand()
    {
        var command = new Command("certificate", "生成加密数据保护密钥的证书（输出为环境变量行；轮换时把旧值移到 PreviousCertificates）");
        command.SetAction(_ =>
        {
            Console.WriteLine($"Portal__DataProtection__Certificate={DataProtectionKeyOptions.NewCertificate()}");
            return 0;
        });
        return command;
    }
}
