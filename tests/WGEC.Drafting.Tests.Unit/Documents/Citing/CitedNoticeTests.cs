using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Citing;

namespace WGEC.Drafting.Tests.Documents.Citing;

public sealed class CitedNoticeTests
{
    private static readonly Guid Paragraph = Guid.NewGuid(), Row = Guid.NewGuid(), Annex = Guid.NewGuid();

    [Fact]
    public void Citing_a_row_or_no_longer_citing_it_concerns_the_rows_annex()
    {
        Assert.Equal(new CitedView(Annex, Row), CitedNotice.For(new EvidenceLinked(Paragraph, EvidenceKind.Row, Row, Annex, "Spam")));
        Assert.Equal(new CitedView(Annex, Row), CitedNotice.For(new EvidenceUnlinked(Paragraph, EvidenceKind.Row, Row, Annex)));
    }

    [Fact]
    public void A_contribution_cited_and_every_other_event_concern_no_other_document()
    {
        var questionnaire = Guid.NewGuid();
        Assert.Null(CitedNotice.For(new EvidenceLinked(Paragraph, EvidenceKind.Contribution, Row, questionnaire, "Brazil (government), question 3")));
        Assert.Null(CitedNotice.For(new EvidenceUnlinked(Paragraph, EvidenceKind.Contribution, Row, questionnaire)));
        Assert.Null(CitedNotice.For(new ParagraphDeleted(Paragraph, new Dictionary<Guid, string?>())));
    }
}
