namespace Portal.Core.Staff;

/// <summary>The signed-in staff member an action is done by, as the host's sign-in cookie says.</summary>
public sealed record StaffActor(Guid Id, string Name, StaffRoles Roles)
{
    public bool Has(StaffRoles role) => (Roles & role) == role;
}
