using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Reading;

namespace WGEC.Drafting.Documents;

/// <summary>An amendment tabled by a delegation, as the folded state and the read model both keep it.</summary>
public sealed class ProposalRecord
{
    public Guid Id { get; set; }
    public Guid? ParagraphId { get; set; }
    public ProposalAction Action { get; set; }
    public string? Text { get; set; }
    public string? Note { get; set; }
    public ParagraphKind Kind { get; set; }
    public AuthorView By { get; set; } = new(Guid.Empty, "", "");
    public List<string> Supporters { get; set; } = [];
    public List<string> Opponents { get; set; } = [];
    public ProposalState State { get; set; } = ProposalState.Open;

    /// <summary>The version it was tabled at: proposals are listed in the order they were tabled.</summary>
    public long TabledVersion { get; set; }

    public bool IsOpen => State == ProposalState.Open;

    public static ProposalRecord From(ProposalTabled e, long version) => new()
    {
        TabledVersion = version,
        Id = e.ProposalId,
        ParagraphId = e.ParagraphId,
        Action = e.Action,
        Text = e.Text,
        Note = e.Note,
        Kind = e.Kind,
        By = new AuthorView(e.By.ParticipantId, e.By.Name, e.By.Delegation),
    };

    /// <summary>A delegation supporting stops opposing, and the other way round.</summary>
    public void Apply(DocumentEvent e)
    {
        switch (e)
        {
            case ProposalSupported:
                Opponents.Remove(e.By.Delegation);
                if (!Supporters.Contains(e.By.Delegation))
                    Supporters.Add(e.By.Delegation);
                break;
            case ProposalOpposed:
                Supporters.Remove(e.By.Delegation);
                if (!Opponents.Contains(e.By.Delegation))
                    Opponents.Add(e.By.Delegation);
                break;
            case ProposalWithdrawn:
                State = ProposalState.Withdrawn;
                break;
            case ProposalDecided d:
                State = d.Decision == ProposalDecision.Accept ? ProposalState.Accepted : ProposalState.Rejected;
                break;
        }
    }

    public ProposalSnapshot ToSnapshot() =>
        new(Id, ParagraphId, Action, Text, Note, Kind, By, [.. Supporters], [.. Opponents], State, TabledVersion);

    public static ProposalRecord FromSnapshot(ProposalSnapshot p) => new()
    {
        Id = p.Id,
        ParagraphId = p.ParagraphId,
        Action = p.Action,
        Text = p.Text,
        Note = p.Note,
        Kind = p.Kind,
        By = p.By,
        Supporters = [.. p.Supporters],
        Opponents = [.. p.Opponents],
        State = p.State,
        TabledVersion = p.TabledVersion,
    };

    public ProposalView View() => new(Id, Action, Text, Note, By, [.. Supporters], [.. Opponents], State);

    /// <summary>The proposal an event is about, if it is about one.</summary>
    public static Guid? IdOf(DocumentEvent e) => e switch
    {
        ProposalSupported s => s.ProposalId,
        ProposalOpposed o => o.ProposalId,
        ProposalWithdrawn w => w.ProposalId,
        ProposalDecided d => d.ProposalId,
        _ => null,
    };
}

/// <summary>Comment threads on a paragraph, as the folded state and the read model both keep them.</summary>
public static class CommentThreads
{
    public static void Add(List<CommentView> comments, CommentAdded e, DateTimeOffset at) =>
        comments.Add(new CommentView(e.CommentId, e.Text, new AuthorView(e.By.ParticipantId, e.By.Name, e.By.Delegation), at) { ReplyTo = e.ReplyTo });

    public static void Resolve(List<CommentView> comments, Guid commentId)
    {
        var index = comments.FindIndex(c => c.Id == commentId);
        if (index >= 0)
            comments[index] = comments[index] with { Resolved = true };
    }
}
