using WGEC.Drafting.Contracts;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents.Proposing;

/// <summary>
/// The chair accepts or rejects a proposal. Accepted "bracketed", the proposed text joins the
/// paragraph as an alternative in brackets (UN practice: both stand until agreed); "clean", it
/// is applied as it is. The change to the text comes first and the decision last, so the call's
/// answer (and a retry's) is the decision's.
/// </summary>
public static class DecideProposal
{
    public static Decision Decide(DocumentState state, DecideProposalRequest request, Guid newParagraphId)
    {
        if (request.Decision == ProposalDecision.Unknown)
            return Refusal.Invalid("decision must be accept or reject");
        if (ProposalVotes.FindOpen(state, request.ProposalId, out var proposal) is { } refused)
            return refused;
        var decided = new ProposalDecided(proposal.Id, proposal.ParagraphId, request.Decision, request.Form);
        if (request.Decision == ProposalDecision.Reject)
            return Decision.Append(decided with { Form = ProposalForm.Unknown });
        if (request.Form == ProposalForm.Unknown)
            return Refusal.Invalid("an accepted proposal enters the text bracketed or clean: say which in form");

        var effect = Effect(state, proposal, request.Form == ProposalForm.Bracketed, newParagraphId);
        return effect.Refusal is { } cannot ? cannot : Decision.Append([.. effect.Events, decided]);
    }

    private static Decision Effect(DocumentState state, ProposalRecord proposal, bool bracketed, Guid newParagraphId)
    {
        if (proposal.Action == ProposalAction.InsertAfter)
        {
            // Like afterParagraphId: after a deleted paragraph means after the nearest live one before it.
            if (Paragraphs.ResolveAfter(state, proposal.ParagraphId, out var after) is { } unknown)
                return unknown;
            var inserted = bracketed ? ProposalText.BracketedInsertion(proposal.Text ?? "") : proposal.Text ?? "";
            return Editing.InsertParagraph.Decide(state, new InsertParagraphRequest(state.Id, after, proposal.Kind, inserted), newParagraphId);
        }
        ParagraphState? target = null;
        if (proposal.ParagraphId is { } id && Paragraphs.FindLive(state, id, out target) is { } gone)
            return gone;
        if (target is { IsLocked: true })
            return Refusal.Locked($"the paragraph is {ProtocolJson.Name(target.Status)}; reopen it before accepting a proposal on it");
        var proposed = proposal.Text ?? "";
        switch (proposal.Action)
        {
            case ProposalAction.Replace:
                return Edit(target!, bracketed ? ProposalText.BracketedReplacement(target!.Text, proposed) : proposed);
            case ProposalAction.Delete when bracketed:
                return Edit(target!, ProposalText.BracketedDeletion(target!.Text));
            default:
                return Editing.DeleteParagraph.Decide(state, new DeleteParagraphRequest(state.Id, target!.Id));
        }
    }

    private static Decision Edit(ParagraphState paragraph, string text)
    {
        var check = TextRules.Normalize(text, TextRules.MaxParagraphLength, "paragraph text with the proposal");
        if (check.Refusal is { } tooLarge)
            return tooLarge;
        return check.Text == paragraph.Text
            ? Decision.Append()
            : Decision.Append(new ParagraphEdited(paragraph.Id, check.Text, Merged: false));
    }
}
