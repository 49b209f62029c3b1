using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Documents.Commenting;
using WGEC.Drafting.Documents.Creating;
using WGEC.Drafting.Documents.Editing;

namespace WGEC.Drafting.Benchmarks;

/// <summary>
/// A document's stream built the way the writer builds it (decide, stamp the actor, apply with the next
/// version), kept so it can be folded again. Seeded: every run benchmarks the same events.
/// </summary>
internal sealed class History
{
    private static readonly Guid DocumentId = Guid.Parse("0b7d4c1e-0000-4000-8000-000000000001");
    private static readonly DateTimeOffset Start = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Delegate = new(Guid.Parse("a0000000-0000-4000-8000-000000000001"), "Ana", "Brazil", Role.Member);

    private readonly Random random;
    private readonly List<DocumentEvent> events = [];

    private History(int seed) => random = new Random(seed);

    public DocumentState State { get; } = new();

    public IReadOnlyList<DocumentEvent> Events => events;

    public static DateTimeOffset At(long version) => Start.AddMinutes(version);

    /// <summary>A document of <paramref name="paragraphs"/> paragraphs cycled from the samples, each made distinct.</summary>
    public static History Document(int paragraphs, int seed = 1)
    {
        var history = new History(seed);
        var texts = Samples.Paragraphs("recommendations.md");
        var markdown = string.Join("\n\n", Enumerable.Range(0, paragraphs).Select(i => $"{i + 1}. ({i}) {texts[i % texts.Count]}"));
        history.Run(_ => CreateDocument.Decide(
            new CreateDocumentRequest("Draft recommendations", DocumentKind.Recommendations, null, markdown), DocumentId, history.NewGuid));
        return history;
    }

    /// <summary>A fresh state folded from the first <paramref name="count"/> events.</summary>
    public static DocumentState Fold(IReadOnlyList<DocumentEvent> events, int count, DocumentState? from = null)
    {
        var state = from ?? new DocumentState();
        for (var i = 0; i < count; i++)
        {
            var version = state.Version + 1;
            state.Apply(events[i], version, At(version));
        }

        return state;
    }

    public Guid RandomLive()
    {
        var live = State.Order;
        while (true)
        {
            var p = live[random.Next(live.Count)];
            if (!p.Deleted)
            {
                return p.Id;
            }
        }
    }

    public void Edit(Guid id) =>
        Run(s => EditParagraph.Decide(s, new EditParagraphRequest(DocumentId, id, s.Version, Reworded(s.Find(id)!.Text))));

    public void Move(Guid id, Guid? after) =>
        Run(s => MoveParagraph.Decide(s, new MoveParagraphRequest(DocumentId, id, after)));

    public void Insert(Guid? after) =>
        Run(s => InsertParagraph.Decide(
            s, new InsertParagraphRequest(DocumentId, after, ParagraphKind.Operative, $"Invites [all stakeholders / Member States] to report ({random.Next()})."), NewGuid()));

    public void Comment(Guid id) =>
        Run(s => AddComment.Decide(s, new AddCommentRequest(DocumentId, id, "We could accept the first alternative."), NewGuid()));

    /// <summary>A mix of the events a negotiation produces: mostly edits, some moves, insertions and comments.</summary>
    public void Negotiate(int events)
    {
        var target = this.events.Count + events;
        while (this.events.Count < target)
        {
            var roll = random.Next(10);
            if (roll < 7)
                Edit(RandomLive());
            else if (roll == 7)
                Move(RandomLive(), RandomLive());
            else if (roll == 8)
                Insert(RandomLive());
            else
                Comment(RandomLive());
        }
    }

    private string Reworded(string text)
    {
        var words = text.Split(' ');
        var i = random.Next(words.Length);
        words[i] = words[i].StartsWith('[') ? words[i] : $"[{words[i]} / alternative {random.Next(100)}]";
        return string.Join(' ', words);
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private void Run(Func<DocumentState, Decision> decide)
    {
        var decision = decide(State);
        if (decision.Refusal is { } refusal)
            throw new InvalidOperationException($"refused: {refusal}");
        foreach (var e in decision.Events)
        {
            var stamped = e with { By = Delegate };
            var version = State.Version + 1;
            State.Apply(stamped, version, At(version));
            events.Add(stamped);
        }
    }
}
