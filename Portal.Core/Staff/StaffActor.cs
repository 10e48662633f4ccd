namespace Portal.Core.Staff;

/// <summary>The signed-in staff member an action is done by, as the host's sign-in cookie says; <paramref name="Office"/> is empty for an actor of no office.</summary>
public sealed record StaffActor(Guid Id, string Name, StaffRoles Roles, string Office = "")
{
    public static StaffActor Of(StaffAccount account) => new(account.Id, account.DisplayName, account.Roles, account.OfficeCode);

    public bool Has(StaffRoles role) => (Roles & role) == role;
}
