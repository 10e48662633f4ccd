using System.Security.Claims;
using Portal.Core.Staff;

namespace Portal.Web.Admin;

/// <summary>What the staff sign-in cookie carries: the account id, the display name, the roles, the office and the security stamp.</summary>
public static class StaffPrincipal
{
    private const string StampClaim = "portal:stamp";
    private const string OfficeClaim = "portal:office";

    public static ClaimsPrincipal Create(StaffAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName),
            new(StampClaim, account.SecurityStamp),
            new(OfficeClaim, account.OfficeCode),
        };
        claims.AddRange(Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && account.Roles.HasFlag(r)).Select(r => new Claim(ClaimTypes.Role, r.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, StaffSignIn.Scheme));
    }

    /// <summary>The signed-in staff member; only called on pages the staff policy already let through.</summary>
    public static StaffActor Actor(this ClaimsPrincipal user) => new(
        Id(user) ?? throw new InvalidOperationException("No staff member is signed in."),
        user.Identity?.Name ?? "",
        Enum.GetValues<StaffRoles>().Where(r => r != StaffRoles.None && user.IsInRole(r.ToString())).Aggregate(StaffRoles.None, (all, r) => all | r),
        user.FindFirstValue(OfficeClaim) ?? "");

    public static Guid? Id(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? Stamp(ClaimsPrincipal user) => user.FindFirstValue(StampClaim);
}
