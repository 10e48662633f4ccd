using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Portal.Core.Privacy;
using Portal.Core.Reports;

namespace Portal.Core.Tests.Reports;

public sealed class DuplicateFinderTests
{
    private readonly DuplicateFinder _finder = new(new byte[32]);

    [Fact]
    public void An_installation_without_its_own_duplicate_key_keeps_finding_what_it_filed_before_and_can_pin_that_key()
    {
        var lookupKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var lookup = Options.Create(new LookupOptions { HmacKey = Convert.ToBase64String(lookupKey) });
        var before = new DuplicateFinder(HKDF.DeriveKey(HashAlgorithmName.SHA256, lookupKey, 32, info: "portal reports duplicate keys"u8.ToArray()));
        var pinned = new ReportSecretsOptions { DuplicateKey = Convert.ToBase64String(DuplicateFinder.KeyFromLookupKey(lookupKey)) };

        var unset = new DuplicateFinder(Options.Create(new ReportSecretsOptions()), lookup);
        var kept = new DuplicateFinder(Options.Create(pinned), Options.Create(new LookupOptions { HmacKey = Convert.ToBase64String(new byte[32]) }));

        Assert.Equal(before.PersonKey("王德发"), unset.PersonKey("王德发"));
        Assert.Equal(before.PersonKey("王德发"), kept.PersonKey("王德发"));
    }

    [Fact]
    public void Two_accounts_of_the_same_events_read_alike_and_unrelated_ones_do_not()
    {
        const string first = "王德发把不符合条件的亲属纳入农村低保，连续两年每月领取，村里贫困户反而没有评上，群众意见很大。";
        const string retold = "王德发把不符合条件的亲属纳入了农村低保，已经连续两年每月领取，真正的贫困户没有评上。";
        const string other = "镇卫生院院长违规报销招待费用，多次在高档酒店宴请，发票用办公用品名义列支。";

        Assert.True(DuplicateFinder.Similarity(first, retold) >= 0.5, DuplicateFinder.Similarity(first, retold).ToString());
        Assert.True(DuplicateFinder.Similarity(first, other) < 0.1);
    }

    [Fact]
    public void The_same_person_or_unit_written_with_other_spacing_or_width_gets_the_same_key()
    {
        Assert.Equal(_finder.PersonKey("王 德发"), _finder.PersonKey("王德发"));
        Assert.Equal(_finder.UnitKey("某某镇 人民政府"), _finder.UnitKey("某某镇人民政府"));
        Assert.NotEqual(_finder.PersonKey("王德发"), _finder.UnitKey("王德发"));
    }
}

public sealed class FilingProofTests
{
    [Fact]
    public void A_proof_verifies_with_the_office_key_and_fails_when_any_part_changes()
    {
        using var proof = new FilingProof(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var digest = SHA256.HashData("filed"u8);
        var at = new DateTime(2026, 11, 23, 2, 15, 2, DateTimeKind.Utc);
        var token = FilingProof.Token("JB20261123-7KQ4M2XZ", at, digest, proof.Sign("JB20261123-7KQ4M2XZ", at, digest));

        var parsed = proof.Verify(token);

        Assert.Equal(("JB20261123-7KQ4M2XZ", at), (parsed!.ReceiptNumber, parsed.FiledAt));
        Assert.Null(proof.Verify(token.Replace("JB20261123-7KQ4M2XZ", "JB20261123-7KQ4M2XY")));
        Assert.Null(proof.Verify(token.Replace("20261123T021502Z", "20261123T021503Z")));
        Assert.Null(proof.Verify("not a proof"));
        Assert.Null(new FilingProof(ECDsa.Create(ECCurve.NamedCurves.nistP256)).Verify(token));
    }
}
