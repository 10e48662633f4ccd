using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Blobs;
using Portal.Core.Database;
using Portal.Core.Offices;
using Portal.Core.Payments;
using Portal.Core.Reports;
using Portal.Core.Staff;

namespace Portal.Core.Supervision;

/// <summary>What the assignee found: 属实, 部分属实 or 不属实.</summary>
public enum ClueFinding { Confirmed, PartlyConfirmed, Unfounded }

/// <summary>
/// The steps staff take on a clue (疑似线索台账): 待核查 → 核查中 (assigned) → 属实 / 部分属实 / 不属实 → 整改中 → 已整改.
/// Only the assignee records findings and rectification; 不属实 and 已整改 are proposed by one person and confirmed or
/// sent back by another. Each step is checked against the version the form showed, and is written to the clue's history
/// and the audit log in the same commit. A 监督 acts only on the clues of the counties within their office's region, and
/// assigns them only to a 监督 who can read them. A refusal is a Chinese sentence; null means done.
/// </summary>
public sealed class ClueLedger(PortalDb db, ClueSeal seal, [FromKeyedServices(ReportBlobs.Container)] IBlobStore blobs, OfficeRegion offices, TimeProvider clock)
{
    public const string NoSuchClue = "没有这条线索。";

    public const string Stale = "这条线索已被他人更新，请刷新页面，看清最新状态后再操作。";

    public async Task<string?> AssignAsync(long id, int version, StaffActor actor, Guid? assigneeId, string? note, CancellationToken cancellationToken = default)
    {
        var (clue, refused) = await OpenForStepAsync(id, version, actor, cancellationToken);
        if (refused is not null) return refused;
        if (ClueStates.IsClosed(clue.State)) return $"线索已{clue.State.Name()}，不能再分派。";
        var (text, badNote) = CleanNote(note, required: false);
        if (badNote is not null) return badNote;
        var assignee = assigneeId is { } aid ? await db.StaffAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == aid, cancellationToken) : null;
        if (assignee is null || assignee.Disabled || !assignee.Roles.HasFlag(StaffRoles.Supervisor)) return "请选择一位有“监督”角色的核查人。";
        if (!offices.Reaches(StaffActor.Of(assignee), clue.CountyCode)) return $"{assignee.DisplayName} 所在机关的辖区不含这条线索所在的县，请选择本县或上级机关的监督人员。";
        if (clue.AssigneeId == assignee.Id) return $"这条线索已经由 {assignee.DisplayName} 核查。";
        clue.AssigneeId = assignee.Id;
        clue.AssigneeName = assignee.DisplayName;
        // A clue under way keeps its state with a new assignee (one who left, say); only an open one starts verification.
        var to = clue.State == ClueState.Open ? ClueState.Verifying : clue.State;
        return await StepAsync(clue, actor, clue.State == ClueState.Open ? "分派核查" : "改派核查人", to, JoinNote($"核查人：{assignee.DisplayName}", text), [], cancellationToken);
    }

    /// <summary>The assignee's finding, with evidence. 属实 and 部分属实 take effect; 不属实 waits for a second person.</summary>
    public async Task<string?> RecordFindingAsync(long id, int version, StaffActor actor, ClueFinding? finding, string? note, IReadOnlyList<IncomingFile> files,
        CancellationToken cancellationToken = default)
    {
        var (clue, refused) = await OpenForStepAsync(id, version, actor, cancellationToken);
        if (refused is not null) return refused;
        if (clue.State != ClueState.Verifying) return $"线索当前为“{clue.State.Name()}”，只有核查中的线索可以填写核查结论。";
        if (AssigneeOnly(clue, actor) is { } notAssignee) return notAssignee;
        if (finding is null) return "请选择核查结论：属实、部分属实或不属实。";
        var (text, badNote) = CleanNote(note, required: true, "核查情况");
        if (badNote is not null) return badNote;
        if (files.Count == 0) return "请上传核查的证明材料（如部门回函、走访记录）。";
        if (finding == ClueFinding.Unfounded)
            return await ProposeAsync(clue, actor, ClueState.Unfounded, null, false, text, files, cancellationToken);
        var to = finding == ClueFinding.Confirmed ? ClueState.Confirmed : ClueState.PartlyConfirmed;
        return await StepAsync(clue, actor, $"核查{to.Name()}", to, text, files, cancellationToken);
    }

    public async Task<string?> StartRectifyingAsync(long id, int version, StaffActor actor, string? note, CancellationToken cancellationToken = default)
    {
        var (clue, refused) = await OpenForStepAsync(id, version, actor, cancellationToken);
        if (refused is not null) return refused;
        if (clue.State is not (ClueState.Confirmed or ClueState.PartlyConfirmed)) return $"线索当前为“{clue.State.Name()}”，只有属实或部分属实的线索可以开始整改。";
        if (AssigneeOnly(clue, actor) is { } notAssignee) return notAssignee;
        var (text, badNote) = CleanNote(note, required: false);
        if (badNote is not null) return badNote;
        return await StepAsync(clue, actor, "开始整改", ClueState.Rectifying, text, [], cancellationToken);
    }

    /// <summary>已整改, proposed by the assignee with the amount recovered or the payment stopped, and evidence; another person confirms it.</summary>
    public async Task<string?> ProposeRectifiedAsync(long id, int version, StaffActor actor, decimal? recovered, bool paymentStopped, string? note,
        IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken = default)
    {
        var (clue, refused) = await OpenForStepAsync(id, version, actor, cancellationToken);
        if (refused is not null) return refused;
        if (clue.State != ClueState.Rectifying) return $"线索当前为“{clue.State.Name()}”，只有整改中的线索可以提请确认已整改。";
        if (AssigneeOnly(clue, actor) is { } notAssignee) return notAssignee;
        if (RecoveryProblem(clue, recovered, paymentStopped) is { } problem) return problem;
        var (text, badNote) = CleanNote(note, required: true, "整改情况");
        if (badNote is not null) return badNote;
        if (files.Count == 0) return "请上传整改的证明材料（如退款凭证、停发通知）。";
        return await ProposeAsync(clue, actor, ClueState.Rectified, recovered, paymentStopped, text, files, cancellationToken);
    }

    /// <summary>A second person confirms what another proposed: the clue closes as 不属实 or 已整改.</summary>
    public async Task<string?> ConfirmAsync(long id, int version, StaffActor actor, string? note, CancellationToken cancellationToken = default)
    {
        var (clue, refused) = await OpenForStepAsync(id, version, actor, cancellationToken, proposalMayWait: true);
        if (refused is not null) return refused;
        if (SecondPerson(clue, actor, "确认") is { } notSecond) return notSecond;
        var (text, badNote) = CleanNote(note, required: false);
        if (badNote is not null) return badNote;
        var to = clue.ProposedState!.Value;
        if (to == ClueState.Rectified)
        {
            clue.RecoveredAmount = clue.ProposedRecoveredAmount;
            clue.PaymentStopped = clue.ProposedPaymentStopped;
        }
        var proposer = clue.ProposedByName;
        ClearProposal(clue);
        return await StepAsync(clue, actor, $"确认{to.Name()}", to, JoinNote($"提请人：{proposer}", text), [], cancellationToken);
    }

    /// <summary>A second person sends a proposal back, with the reason; the clue stays where it was.</summary>
    public async Task<string?> SendBackAsync(long id, int version, StaffActor actor, string? note, CancellationToken cancellationToken = default)
    {
        var (clue, refused) = await OpenForStepAsync(id, version, actor, cancellationToken, proposalMayWait: true);
        if (refused is not null) return refused;
        if (SecondPerson(clue, actor, "退回") is { } notSecond) return notSecond;
        var (text, badNote) = CleanNote(note, required: true, "退回理由");
        if (badNote is not null) return badNote;
        var proposed = clue.ProposedState!.Value;
        ClearProposal(clue);
        return await StepAsync(clue, actor, $"退回{proposed.Name()}", clue.State, text, [], cancellationToken);
    }

    /// <summary>Whether the recovery figures make sense for this clue; null when they do.</summary>
    public static string? RecoveryProblem(Clue clue, decimal? recovered, bool paymentStopped)
    {
        if (recovered is null && !paymentStopped) return "请填写追回金额，或勾选“已停发”（两者可以都有）。";
        if (recovered < 0) return "追回金额不能是负数。没有追回的，请填 0 并勾选“已停发”。";
        if (recovered is { } amount && decimal.Round(amount, 2) != amount) return "追回金额最多精确到分（两位小数）。";
        var most = clue.Amount * ClueLimits.MaxRecoveredMonths;
        if (recovered > most)
            return $"追回金额 {Money.Yuan(recovered.Value)} 超过了这笔发放 {Money.Yuan(clue.Amount)} 的 {ClueLimits.MaxRecoveredMonths} 倍（{Money.Yuan(most)}），请核对是否多写了位数；同一人多笔违规发放的，请在各自的线索中分别记录。";
        return null;
    }

    private async Task<string?> ProposeAsync(Clue clue, StaffActor actor, ClueState to, decimal? recovered, bool paymentStopped, string note,
        IReadOnlyList<IncomingFile> files, CancellationToken cancellationToken)
    {
        clue.ProposedState = to;
        clue.ProposedById = actor.Id;
        clue.ProposedByName = actor.Name;
        clue.ProposedAt = clock.GetUtcNow().UtcDateTime;
        clue.ProposedRecoveredAmount = recovered;
        clue.ProposedPaymentStopped = paymentStopped;
        var figures = to == ClueState.Rectified
            ? string.Join("，", new[] { recovered is { } r ? $"追回 {Money.Yuan(r)}" : null, paymentStopped ? "已停发" : null }.OfType<string>())
            : null;
        return await StepAsync(clue, actor, $"提请确认{to.Name()}", clue.State, JoinNote(figures, note), files, cancellationToken);
    }

    /// <summary>The clue for a step, or a refusal: no such clue, not 监督, a stale form, or a proposal waiting for a second person.</summary>
    private async Task<(Clue Clue, string? Problem)> OpenForStepAsync(long id, int version, StaffActor actor, CancellationToken cancellationToken, bool proposalMayWait = false)
    {
        if (!actor.Has(StaffRoles.Supervisor)) return (null!, "只有监督人员可以办理线索。");
        var clue = await db.Clues.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (clue is null || !offices.Reaches(actor, clue.CountyCode))
        {
            // Another county's clue is answered as one that does not exist; the attempt is on record.
            AuditLog.Append(db, actor, "办理线索被拒", null, $"线索 #{id}：不存在或不在本机关辖区", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            return (null!, NoSuchClue);
        }
        if (clue.Version != version) return (clue, Stale);
        if (proposalMayWait ? clue.ProposedState is null : clue.ProposedState is not null)
            return (clue, proposalMayWait ? "这条线索没有等待确认的事项。" : $"这条线索有一项“{clue.ProposedState!.Value.Name()}”等待第二人确认，请先确认或退回。");
        return (clue, null);
    }

    private static string? AssigneeOnly(Clue clue, StaffActor actor) =>
        clue.AssigneeId == actor.Id ? null : $"只有核查人（{clue.AssigneeName ?? "尚未分派"}）可以填写核查和整改情况。";

    private static string? SecondPerson(Clue clue, StaffActor actor, string what) =>
        clue.ProposedById == actor.Id ? $"提请人不能{what}自己提请的事项，请由另一位监督人员{what}。" : null;

    private static void ClearProposal(Clue clue)
    {
        clue.ProposedState = null;
        clue.ProposedById = null;
        clue.ProposedByName = null;
        clue.ProposedAt = null;
        clue.ProposedRecoveredAmount = null;
        clue.ProposedPaymentStopped = false;
    }

    private static (string Text, string? Problem) CleanNote(string? note, bool required, string label = "说明")
    {
        var text = ReportValidator.Clean(note);
        if (required && text.Length == 0) return (text, $"请填写{label}。");
        if (text.Length > ClueLimits.MaxNote) return (text, $"{label}最多 {ClueLimits.MaxNote} 个字（现在 {text.Length} 个）。");
        return (text, null);
    }

    private static string? JoinNote(string? first, string? second) =>
        string.Join("。", new[] { first, second }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } joined ? joined : null;

    private async Task<string?> StepAsync(Clue clue, StaffActor actor, string action, ClueState to, string? note, IReadOnlyList<IncomingFile> files,
        CancellationToken cancellationToken)
    {
        var kept = files.Count == 0 ? 0 : await db.ClueEvidence.CountAsync(e => e.ClueId == clue.Id, cancellationToken);
        var (checkedFiles, problem) = await ClueEvidenceFiles.CheckAsync(files, kept, cancellationToken);
        if (problem is not null) return problem;

        var now = clock.GetUtcNow().UtcDateTime;
        var step = new ClueEvent
        {
            ClueId = clue.Id, At = now, ActorId = actor.Id, ActorName = actor.Name, Action = action, From = clue.State, To = to,
            SealedNote = string.IsNullOrEmpty(note) ? null : seal.SealNote(clue.Id, note),
        };
        step.Evidence.AddRange(await ClueEvidenceFiles.StoreAsync(seal, blobs, clue.Id, checkedFiles, now, cancellationToken));
        if (clue.State != to)
        {
            clue.State = to;
            clue.StateChangedAt = now;
        }
        clue.Version++;
        db.ClueEvents.Add(step);
        AuditLog.Append(db, actor, action, null, $"线索 #{clue.Id}" + (step.Evidence.Count > 0 ? $"，证明材料 {step.Evidence.Count} 个" : ""), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await ClueEvidenceFiles.DeleteAsync(blobs, step.Evidence);
            return Stale;
        }
    }
}
