using WGEC.Drafting.Documents.Citing;

namespace WGEC.Drafting.Questionnaires;

/// <summary>How documents find a contribution they cite: through the questionnaires' own index.</summary>
internal sealed class ContributionIndex(QuestionnaireStore store) : IContributionIndex
{
    public async Task<EvidenceTarget?> FindAsync(Guid contributionId, CancellationToken ct) =>
        await store.FindContributionAsync(contributionId, ct) is { } found ? new EvidenceTarget(found.QuestionnaireId, found.Label) : null;
}
