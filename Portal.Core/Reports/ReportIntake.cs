using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Funds;
using Portal.Core.Offices;
using Portal.Core.Operations;
using Portal.Core.Payments;

namespace Portal.Core.Reports;

/// <summary>What the reporter is shown once, after the report is durably stored.</summary>
public sealed record ReportReceipt(string QueryCode, string ReceiptNumber, DateTime FiledAt, string DigestHex, string Proof, Office Office);

public sealed record IntakeResult(ReportReceipt? Receipt, FieldErrors Errors)
{
    public bool Succeeded => Receipt is not null;
}

/// <summary>
/// Takes a report in: validates everything, seals identity, content and attachments, stores the
/// attachments, commits the report, and only then returns the query code. A crash before the commit
/// leaves only sealed blobs that no record names, which <see cref="OrphanAttachmentSweeper"/> removes.
/// </summary>
public sealed class ReportIntake(
    PortalDb db,
    ReportSeal seal,
    ReportValidator validator,
    FilingProof proof,
    DuplicateFinder duplicates,
    [FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs,
    IPaymentIndex payments,
    FundCatalog funds,
    WorkingCalendarSource calendars,
    Deadlines deadlines,
    IOptions<ReportRules> rules,
    OfficeTree offices,
    PortalMetrics metrics,
    TimeProvider clock)
{
    private static readonly PasswordHasher<Report> Passwords = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IntakeResult> SubmitAsync(ReportSubmission form, IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken = default)
    {
        var errors = await validator.ValidateAsync(form, cancellationToken);
        var checkedFiles = await AttachmentUpload.CheckAsync(files, errors, cancellationToken);
        if (errors.Count > 0) return new IntakeResult(null, errors);

        var token = form.SubmissionToken;
        if (token is not null && await ReplayAsync(token, form.Password!, cancellationToken) is { } earlier) return earlier;

        var now = TruncateToSeconds(clock.GetUtcNow().UtcDateTime);
        var code = QueryCode.New();
        var disputed = await DisputedAsync(form.PaymentId, cancellationToken);
        var report = NewReport(form, disputed, checkedFiles, code, token, now, out var uploads);
        report.OfficeCode = validator.Route(form.ReportedPerson, disputed?.VillageCode).Office!.Code;
        report.Events.Single().OfficeCode = report.OfficeCode;
        report.DueOn = deadlines.DueOn(report, await calendars.CurrentAsync(db, cancellationToken));
        await FlagDuplicatesAsync(report, ReportValidator.Clean(form.Content), now, cancellationToken);

        await AttachmentUpload.UploadAsync(seal, blobs, uploads, cancellationToken);
        db.Reports.Add(report);
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException) when (token is not null)
        {
            // Two taps at once: the other request committed first with the same token; answer with its receipt.
            db.ChangeTracker.Clear();
            await AttachmentUpload.DeleteAsync(blobs, report.Attachments);
            return await ReplayAsync(token, form.Password!, cancellationToken) ?? throw new InvalidOperationException("A report with this submission token could not be read back.");
        }
        catch
        {
            await AttachmentUpload.DeleteAsync(blobs, report.Attachments);
            throw;
        }
        metrics.ReportsFiled.Add(1);
        return new IntakeResult(Receipt(report, code), new FieldErrors());
    }

    private Report NewReport(ReportSubmission form, DisputedPayment? disputed, List<CheckedFile> files, string code, string? token, DateTime now, out List<(ReportAttachment, CheckedFile)> uploads)
    {
        var id = Guid.NewGuid();
        var personFields = form.ReportedPerson;
        var person = new ReportedPerson(
            ReportValidator.Clean(personFields.Name), ReportValidator.Clean(personFields.Unit),
            NullIfEmpty(ReportValidator.Clean(personFields.Position)), ReportTerms.ParseLevel(personFields.Level) ?? OfficialLevel.Other, personFields.Region!.Trim());
        var content = new ReportContent(
            ReportValidator.Clean(form.Title), ReportValidator.Clean(form.Content), person, disputed,
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), files.Select(f => f.Sha256).ToList());
        var contentJson = JsonSerializer.SerializeToUtf8Bytes(content, Json);
        var identityJson = form.Anonymous ? null : JsonSerializer.SerializeToUtf8Bytes(Identity(form.Reporter!), Json);

        var report = new Report
        {
            Id = id,
            ReceiptNumber = $"JB{ChinaTime.Local(now):yyyyMMdd}-{QueryCode.New()[..8]}",
            QueryCodeHash = QueryCode.Hash(code),
            Anonymous = form.Anonymous,
            Category = ReportTerms.ParseCategory(form.Category)!.Value,
            Level = person.Level,
            RegionCode = person.RegionCode,
            SealedIdentity = identityJson is null ? null : seal.Seal(SealedField.Identity, id, identityJson),
            SealedContent = seal.Seal(SealedField.Content, id, contentJson),
            DisputedPaymentId = disputed?.Id,
            PersonKey = duplicates.PersonKey(person.Name),
            UnitKey = duplicates.UnitKey(person.Unit),
            Status = ReportStatus.Submitted,
            SubmittedAt = now,
            ReceivedAt = now,
            StatusChangedAt = now,
        };
        report.PasswordHash = Passwords.HashPassword(report, form.Password!);
        if (token is not null)
        {
            report.SubmissionKeyHash = ReportValidator.SubmissionKey(token);
            report.ReceiptForRetry = TokenSeal(token, Encoding.ASCII.GetBytes(code));
        }
        report.FiledDigest = Digest(report.ReceiptNumber, now, contentJson, identityJson);
        report.Signature = proof.Sign(report.ReceiptNumber, now, report.FiledDigest);
        report.Events.Add(new ReportEvent { ReportId = id, At = now, Kind = ReportEventKind.Filed, ToStatus = ReportStatus.Submitted, ActorName = "举报人" });

        uploads = [];
        foreach (var file in files)
        {
            var attachment = AttachmentUpload.Record(seal, id, file, now);
            report.Attachments.Add(attachment);
            uploads.Add((attachment, file));
        }
        return report;
    }

    /// <summary>Earlier reports about the same person or unit whose account reads alike are linked both ways for staff.</summary>
    private async Task FlagDuplicatesAsync(Report report, string facts, DateTime now, CancellationToken cancellationToken)
    {
        var candidates = await db.Reports.AsNoTracking()
            .Where(r => r.PersonKey == report.PersonKey || r.UnitKey == report.UnitKey)
            .OrderByDescending(r => r.SubmittedAt).Take(200)
            .Select(r => new { r.Id, r.PersonKey, r.SealedContent })
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var other = seal.OpenContent(candidate.Id, candidate.SealedContent);
            var similarity = DuplicateFinder.Similarity(facts, other.Facts);
            if (similarity < rules.Value.DuplicateSimilarity) continue;
            var basis = candidate.PersonKey.AsSpan().SequenceEqual(report.PersonKey) ? DuplicateBasis.SamePerson : DuplicateBasis.SameUnit;
            db.DuplicateFlags.Add(new DuplicateFlag { ReportId = report.Id, OtherReportId = candidate.Id, Similarity = similarity, Basis = basis, FlaggedAt = now });
            db.DuplicateFlags.Add(new DuplicateFlag { ReportId = candidate.Id, OtherReportId = report.Id, Similarity = similarity, Basis = basis, FlaggedAt = now });
        }
    }

    /// <summary>A second submit with the same token and password gets the first receipt; with another password, a refusal.</summary>
    private async Task<IntakeResult?> ReplayAsync(string token, string password, CancellationToken cancellationToken)
    {
        var key = ReportValidator.SubmissionKey(token);
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.SubmissionKeyHash == key, cancellationToken);
        if (report is null) return null;
        if (Passwords.VerifyHashedPassword(report, report.PasswordHash, password) == PasswordVerificationResult.Failed || report.ReceiptForRetry is null)
            return new IntakeResult(null, new FieldErrors { ["submissionToken"] = "这份表单已经提交过了。请使用当时显示的查询码；如果没有记下，请重新打开举报页面填写。" });
        var code = Encoding.ASCII.GetString(TokenOpen(token, report.ReceiptForRetry));
        return new IntakeResult(Receipt(report, code), new FieldErrors());
    }

    private ReportReceipt Receipt(Report report, string code) => new(
        QueryCode.Format(code), report.ReceiptNumber, report.SubmittedAt, Convert.ToHexString(report.FiledDigest).ToLowerInvariant(),
        FilingProof.Token(report.ReceiptNumber, report.SubmittedAt, report.FiledDigest, report.Signature), offices.Find(report.OfficeCode) ?? offices.Top);

    private async Task<DisputedPayment?> DisputedAsync(string? paymentId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(paymentId) || await payments.FindAsync(paymentId.Trim(), cancellationToken) is not { } payment) return null;
        return new DisputedPayment(payment.Id, payment.MaskedName, funds.ByCode(payment.FundCode)?.Name ?? payment.FundCode, payment.VillageCode, payment.Period.ToString(), payment.Amount);
    }

    private static ReporterIdentity Identity(ReporterFields fields) => new(
        ReportValidator.Clean(fields.Name), Privacy.IdNumber.Normalize(fields.IdNumber!), ReportValidator.NormalizePhone(fields.Phone)!,
        NullIfEmpty(ReportValidator.Clean(fields.Address)));

    private static byte[] Digest(string receiptNumber, DateTime filedAt, byte[] contentJson, byte[]? identityJson) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(
            $"portal-filing-v1\n{receiptNumber}\n{filedAt:O}\n{Convert.ToHexString(SHA256.HashData(contentJson))}\n{Convert.ToHexString(SHA256.HashData(identityJson ?? []))}"));

    private static byte[] TokenSeal(string token, byte[] plaintext)
    {
        var result = new byte[12 + 16 + plaintext.Length];
        RandomNumberGenerator.Fill(result.AsSpan(0, 12));
        using var aes = new AesGcm(TokenKey(token), 16);
        aes.Encrypt(result.AsSpan(0, 12), plaintext, result.AsSpan(28), result.AsSpan(12, 16));
        return result;
    }

    private static byte[] TokenOpen(string token, byte[] sealedValue)
    {
        var plaintext = new byte[sealedValue.Length - 28];
        using var aes = new AesGcm(TokenKey(token), 16);
        aes.Decrypt(sealedValue.AsSpan(0, 12), sealedValue.AsSpan(28), sealedValue.AsSpan(12, 16), plaintext);
        return plaintext;
    }

    private static byte[] TokenKey(string token) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(token), 32, info: "portal report receipt"u8.ToArray());

    private static DateTime TruncateToSeconds(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}

/// <summary>The blob container that holds sealed report attachments.</summary>
public static class ReportBlobs
{
    public const string Container = "report-attachments";
}
