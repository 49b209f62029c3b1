using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Documents.Proposing;

/// <summary>A delegation tables an amendment: to replace or delete a paragraph, or to insert one after it.</summary>
public static class TableProposal
{
    public static Decision Decide(DocumentState state, TableProposalRequest request, Guid proposalId)
    {
        if (request.Action == ProposalAction.Unknown)
            return Refusal.Invalid("action must be one of replace, insert-after, delete");
        // Left out is "the kind of the paragraph it follows"; a kind this server does not know is not that.
        if (request.Kind == ParagraphKind.Unknown)
            return Refusal.Invalid("kind must be one of heading, preambular, operative, text, or left out");
        ParagraphState? target = null;
        if (request.ParagraphId is { } id)
        {
            if (Paragraphs.FindLive(state, id, out target) is { } missing)
                return missing;
            if (request.Action == ProposalAction.Replace && Paragraphs.RefuseRow(target) is { } row)
                return row;
            if (request.Action != ProposalAction.InsertAfter && target.IsLocked)
                return Refusal.Locked($"the paragraph is {ProtocolJson.Name(target.Status)}; it accepts no proposals until the chair reopens it");
        }
        else if (request.Action != ProposalAction.InsertAfter)
        {
            return Refusal.Invalid("a proposal to replace or delete names its paragraph");
        }

        string? text = null;
        if (request.Action != ProposalAction.Delete)
        {
            var check = TextRules.Normalize(request.Text, TextRules.MaxParagraphLength, "proposed text");
            if (check.Refusal is { } bad)
                return bad;
            if (check.Text.Length == 0)
                return Refusal.Invalid("a proposal to replace or insert carries its text");
            text = check.Text;
        }
        var note = TextRules.Normalize(request.Note ?? "", TextRules.MaxCommentLength, "note", allowBlankLines: true);
        if (note.Refusal is { } badNote)
            return badNote;
        var kind = request.Action != ProposalAction.InsertAfter ? target!.Kind
            : request.Kind is { } chosen ? chosen
            : target?.Kind ?? ParagraphKind.Text;
        if (kind == ParagraphKind.Row)
            return Refusal.Invalid("a proposal inserts a paragraph of text; a table row is inserted with its fields (InsertParagraph kind row)");
        return Decision.Append(new ProposalTabled(proposalId, request.ParagraphId, request.Action, text, note.Text.Length == 0 ? null : note.Text, kind));
    }
}

/// <summary>Other delegations support or oppose an open proposal; its own delegation may withdraw it.</summary>
public static class ProposalVotes
{
    public static Decision Support(DocumentState state, ProposalRequest request, Actor actor) =>
        Vote(state, request, actor, p => p.Supporters, () => new ProposalSupported(request.ProposalId, state.Proposals[request.ProposalId].ParagraphId));

    public static Decision Oppose(DocumentState state, ProposalRequest request, Actor actor) =>
        Vote(state, request, actor, p => p.Opponents, () => new ProposalOpposed(request.ProposalId, state.Proposals[request.ProposalId].ParagraphId));

    public static Decision Withdraw(DocumentState state, ProposalRequest request, Actor actor)
    {
        if (FindOpen(state, request.ProposalId, out var proposal) is { } refused)
            return refused;
        return proposal.By.Delegation != actor.Delegation
            ? Refusal.Forbidden($"only {proposal.By.Delegation}, whose proposal it is, may withdraw it")
            : Decision.Append(new ProposalWithdrawn(proposal.Id, proposal.ParagraphId));
    }

    public static Refusal? FindOpen(DocumentState state, Guid proposalId, out ProposalRecord proposal)
    {
        proposal = state.Proposals.GetValueOrDefault(proposalId)!;
        if (proposal is null)
            return Refusal.NotFound($"proposal {proposalId} does not exist in this document");
        return proposal.IsOpen ? null : Refusal.Invalid($"the proposal is already {ProtocolJson.Name(proposal.State)}; only open proposals can be supported, opposed, withdrawn or decided");
    }

    private static Decision Vote(
        DocumentState state, ProposalRequest request, Actor actor, Func<ProposalRecord, List<string>> side, Func<DocumentEvent> vote)
    {
        if (FindOpen(state, request.ProposalId, out var proposal) is { } refused)
            return refused;
        if (proposal.By.Delegation == actor.Delegation)
            return Refusal.Invalid($"{actor.Delegation} tabled this proposal; support and opposition come from other delegations");
        return side(proposal).Contains(actor.Delegation)
            ? Decision.Nothing(new WriteResult(Outcome.Applied, state.Version))
            : Decision.Append(vote());
    }
}
