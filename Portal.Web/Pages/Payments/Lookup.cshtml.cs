using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Core.Hosting;
using Portal.Core.Payments;
using Portal.Core.Privacy;
using Portal.Web.Infrastructure;

namespace Portal.Web.Pages.Payments;

/// <summary>
/// 本人查询: a villager finds their own payments by name and ID number. Neither is ever written back into the
/// page, and an unknown person gets exactly the answer of someone without payments.
/// </summary>
[EnableRateLimiting(ClientRateLimits.Lookup)]
public sealed class LookupModel(IPaymentIndex index, OwnerKey owners, LookupThrottle throttle, TimeProvider clock) : PageModel
{
    public const int MaxNameLength = 30;

    public string? Error { get; private set; }

    /// <summary>Null until a well-formed query was made.</summary>
    public IReadOnlyList<PublicPayment>? Payments { get; private set; }

    public void OnGet() => NoStore();

    public void OnPost(string? name, string? idNumber)
    {
        NoStore();
        Error = Problem(name, idNumber);
        if (Error is not null) return;
        if (!throttle.TryAcquire(name!))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = "这个姓名近一小时的查询次数已达上限。为防止他人冒用姓名试查身份证号，请稍后再试；如有疑问请拨打 12388。";
            return;
        }
        Payments = index.FindOwn(owners.For(name!, idNumber!));
    }

    private string? Problem(string? name, string? idNumber)
    {
        if (string.IsNullOrWhiteSpace(name)) return "请输入姓名。";
        if (NameMask.Normalize(name).Length > MaxNameLength) return $"姓名太长，请输入身份证上的姓名（不超过 {MaxNameLength} 个字）。";
        return IdNumber.Check(idNumber, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)) switch
        {
            IdNumberProblem.None => null,
            IdNumberProblem.Missing => "请输入身份证号。",
            IdNumberProblem.Legacy15 => "请输入 18 位的第二代身份证号。15 位的老号码无法查询，可到村委会或乡镇政府咨询。",
            IdNumberProblem.BirthDate => "身份证号中的出生日期（第 7 到 14 位）不正确，请核对后重新输入。",
            IdNumberProblem.Checksum => "身份证号的最后一位对不上，可能有一位输错了。请对照身份证逐位核对。",
            _ => "身份证号应为 18 位：前 17 位是数字，最后一位是数字或字母 X。请核对后重新输入。",
        };
    }

    // Answers about a person must not stay in any cache, shared or in the phone.
    private void NoStore() => Response.Headers.CacheControl = "no-store";
}
