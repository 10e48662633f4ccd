using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Portal.Core.Reports;

/// <summary>
/// The progress page's stand-in for a query code and password: a report's id, signed and encrypted, good for
/// <see cref="Lifetime"/> by the Portal's clock, so the reporter can add material without typing them again.
/// </summary>
public sealed class SupplementTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly IDataProtector _protector = protection.CreateProtector("Portal.Reports.SupplementTicket.v2");

    public string Issue(Guid reportId) =>
        _protector.Protect($"{reportId:N}|{(clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The report a ticket stands for, or null when it is forged, damaged or expired.</summary>
    public Guid? Read(string? ticket)
    {
        try
        {
            var parts = _protector.Unprotect(ticket ?? "").Split('|');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var reportId)
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)) return null;
            return clock.GetUtcNow().ToUnixTimeSeconds() < expires ? reportId : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
