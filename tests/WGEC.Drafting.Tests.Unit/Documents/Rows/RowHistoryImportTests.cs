using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Importing;
using WGEC.Drafting.Documents.Rows;

namespace WGEC.Drafting.Tests.Documents.Rows;

/// <summary>A mapping table's history (rows, row edits, merges, citations) moves to another server as it was, and a tampered one is refused.</summary>
public class RowHistoryImportTests
{
    private static readonly Guid Document = Guid.NewGuid();
    private static readonly (Guid A, Guid B, Guid Source) Ids = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
    private static readonly Actor Secretariat = new(Guid.NewGuid(), "Sam", "UNCTAD", Role.Secretariat);
    private static readonly RowFields Spam = Table.Fields("Spam");
    private static readonly RowFields Junk = Table.Fields("Junk mail");
    private static readonly RowFields Both = Table.Fields("Spam and junk mail");

    private static List<Envelope?> History(params (string Type, object Data)[] events) =>
        [.. events.Select((e, i) => (Envelope?)new Envelope(Document, i + 1, e.Type, e.Data, Secretariat, DateTimeOffset.UnixEpoch.AddMinutes(i), null))];

    private static (string, object) Created() => (EnvelopeTypes.DocumentCreated, new DocumentCreatedData("Mapping", DocumentKind.Annex, null));

    private static (string, object) Row(Guid id, Guid? after, RowFields fields, string? text = null) =>
        (EnvelopeTypes.ParagraphInserted, new ParagraphInsertedData(id, after, ParagraphKind.Row, text ?? RowText.Of(fields), "", new Dictionary<Guid, string?>())
        {
            Fields = fields,
            Sources = [Ids.Source],
        });

    private static (string, object) Merged(Guid kept, Guid gone, RowFields fields) =>
        (EnvelopeTypes.RowsMerged, new RowsMergedData(kept, [gone], fields, RowText.Of(fields), "", [Ids.Source], [gone], new Dictionary<Guid, string?> { [gone] = null }, 0));

    private static (string, object) Linked(Guid paragraph) =>
        (EnvelopeTypes.EvidenceLinked, new EvidenceLinkedData(paragraph, EvidenceKind.Contribution, Ids.Source, Guid.NewGuid(), "Brazil (government), question 3"));

    [Fact]
    public void A_table_history_is_kept_as_it_was()
    {
        var (events, refusal) = HistoryImport.Decide(Document, History(
            Created(), Row(Ids.A, null, Spam), Row(Ids.B, Ids.A, Junk),
            (EnvelopeTypes.RowEdited, new RowEditedData(Ids.B, Junk with { Status = "Addressed" }, RowText.Of(Junk with { Status = "Addressed" }), "", true, 0)),
            Linked(Ids.A), Merged(Ids.A, Ids.B, Both),
            (EnvelopeTypes.EvidenceUnlinked, new EvidenceUnlinkedData(Ids.A, EvidenceKind.Contribution, Ids.Source, Guid.NewGuid()))));

        Assert.Null(refusal);
        var state = new DocumentState();
        foreach (var (e, i) in events.Select((e, i) => (e, i)))
            state.Apply(e.Event, i + 1, e.At);
        Assert.Equal([Ids.A], state.Live.Select(p => p.Id));
        var kept = state.Find(Ids.A)!;
        Assert.Equal(Both, kept.Fields);
        Assert.Equal([Ids.Source], kept.Sources);
        Assert.Equal([Ids.B], kept.MergedFrom);
        Assert.True(((RowEdited)events[3].Event).Merged);
        Assert.Empty(state.Find(Ids.A)!.Evidence);
    }

    [Fact]
    public void A_row_whose_text_is_not_made_from_its_fields_is_refused()
    {
        var (events, refusal) = HistoryImport.Decide(Document, History(Created(), Row(Ids.A, null, Spam, text: "Something else")));

        Assert.Empty(events);
        Assert.Equal("event 2: a row's text is the one made from its fields", refusal!.Message);
    }

    [Theory]
    [InlineData("merge of a text paragraph")]
    [InlineData("unlink of what is not cited")]
    [InlineData("fields on a text paragraph")]
    [InlineData("row fields not in stored form")]
    public void Histories_this_server_could_not_have_written_are_refused(string what)
    {
        var text = (EnvelopeTypes.ParagraphInserted, (object)new ParagraphInsertedData(Ids.B, Ids.A, ParagraphKind.Text, "Note", "", new Dictionary<Guid, string?>()));
        (string, object) bad = what switch
        {
            "merge of a text paragraph" => Merged(Ids.A, Ids.B, Both),
            "unlink of what is not cited" => (EnvelopeTypes.EvidenceUnlinked, new EvidenceUnlinkedData(Ids.A, EvidenceKind.Row, Guid.NewGuid(), Guid.NewGuid())),
            "fields on a text paragraph" => (EnvelopeTypes.ParagraphInserted, new ParagraphInsertedData(Guid.NewGuid(), null, ParagraphKind.Text, "x", "", new Dictionary<Guid, string?>()) { Fields = Spam }),
            _ => Row(Guid.NewGuid(), null, Spam with { Issue = " Spam" }, RowText.Of(Spam with { Issue = " Spam" })),
        };

        var (events, refusal) = HistoryImport.Decide(Document, History(Created(), Row(Ids.A, null, Spam), text, bad));

        Assert.Empty(events);
        Assert.StartsWith("event 4:", refusal!.Message);
    }
}
