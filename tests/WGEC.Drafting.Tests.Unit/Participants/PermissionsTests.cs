using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Participants;

namespace WGEC.Drafting.Tests.Participants;

public class PermissionsTests
{
    private const bool Yes = true;
    private const bool No = false;

    // PROTOCOL.md §1: secretariat ⊃ chair ⊃ member ⊃ observer (read only); an unknown role may do nothing.
    public static TheoryData<Role, Permission, bool> Table()
    {
        var table = new TheoryData<Role, Permission, bool>();
        void Row(Role role, bool read, bool edit, bool comment, bool setStatus, bool tag, bool create, bool manage, bool steer, bool import)
        {
            table.Add(role, Permission.Read, read);
            table.Add(role, Permission.Edit, edit);
            table.Add(role, Permission.Comment, comment);
            table.Add(role, Permission.SetStatus, setStatus);
            table.Add(role, Permission.TagRevision, tag);
            table.Add(role, Permission.CreateDocument, create);
            table.Add(role, Permission.ManageParticipants, manage);
            table.Add(role, Permission.Steer, steer);
            table.Add(role, Permission.ImportHistory, import);
        }

        //                     read edit comment status tag create manage steer import
        Row(Role.Secretariat, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes, Yes);
        Row(Role.Chair, Yes, Yes, Yes, Yes, Yes, Yes, No, Yes, No);
        Row(Role.Member, Yes, Yes, Yes, No, No, No, No, No, No);
        Row(Role.Observer, Yes, No, No, No, No, No, No, No, No);
        Row(Role.Unknown, No, No, No, No, No, No, No, No, No);
        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Role_table_of_the_protocol(Role role, Permission permission, bool allowed)
    {
        Assert.Equal(allowed, Permissions.Allows(role, permission));
    }

    [Fact]
    public void Table_covers_every_role_and_permission()
    {
        var rows = Table().Select(r => ((Role)r[0], (Permission)r[1])).ToHashSet();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var permission in Enum.GetValues<Permission>())
                Assert.Contains((role, permission), rows);
        }
    }

    [Fact]
    public void Demand_refuses_an_observer_with_forbidden()
    {
        var observer = new Actor(Guid.NewGuid(), "Olga", "UNCTAD", Role.Observer);

        var refused = Assert.Throws<RefusedException>(() => Permissions.Demand(observer, Permission.Comment));

        Assert.Equal(ErrorCode.Forbidden, refused.Refusal.Code);
        Assert.StartsWith("forbidden: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Demand_lets_an_allowed_role_through()
    {
        Permissions.Demand(new Actor(Guid.NewGuid(), "Chair", "WGEC", Role.Chair), Permission.SetStatus);
    }
}
