using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;

namespace WGEC.Drafting.Participants;

public enum Permission
{
    Read,
    Edit,
    Comment,
    SetStatus,
    TagRevision,
    CreateDocument,
    ManageParticipants,

    /// <summary>The chair's other calls: meetings, follow-me, deciding proposals, resolving brackets, adoption.</summary>
    Steer,

    /// <summary>Bringing a document's whole history from another server: it writes other people's names into the record.</summary>
    ImportHistory,
}

/// <summary>The role table of PROTOCOL.md §1, as one pure function that the hub and REST both ask.</summary>
public static class Permissions
{
    public static bool Allows(Role role, Permission permission) => permission switch
    {
        Permission.Read => role is Role.Secretariat or Role.Chair or Role.Member or Role.Observer,
        Permission.Edit or Permission.Comment => role is Role.Secretariat or Role.Chair or Role.Member,
        Permission.SetStatus or Permission.TagRevision or Permission.CreateDocument or Permission.Steer => role is Role.Secretariat or Role.Chair,
        Permission.ManageParticipants or Permission.ImportHistory => role is Role.Secretariat,
        _ => false,
    };

    public static void Demand(Actor actor, Permission permission)
    {
        if (!Allows(actor.Role, permission))
            throw new RefusedException(Refusal.Forbidden(Why(actor.Role, permission)));
    }

    private static string Why(Role role, Permission permission) => role switch
    {
        Role.Observer => "observers follow read-only and cannot change anything",
        _ => $"the {ProtocolJson.Name(role)} role may not {ProtocolJson.Name(permission)}",
    };
}
