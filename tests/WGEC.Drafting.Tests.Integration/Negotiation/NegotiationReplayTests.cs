using System.Text.Json.Nodes;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Collaboration;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>The chair resolves and agrees paragraph after paragraph on one connection: more than the default 50 calls a second.</summary>
/// <summary>
/// Work item 3, "Done when": a small negotiation replayed on shared/samples/recommendations.md — two meetings,
/// proposals from three delegations, a Rev.1 with renumbering, every bracket resolved, adoption — checking the
/// final text, numbers and concordance, the meetings, and that the live read model equals the replayed stream.
/// </summary>
public sealed class NegotiationReplayTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    private const string Op1 = "Recommends that enhanced cooperation [be implemented without further delay / continue to be implemented] to enable governments, on an equal footing, to carry out their roles and responsibilities in international public policy issues pertaining to the Internet;";
    private const string Op1ByBrazil = "Recommends that enhanced cooperation be fully implemented to enable governments, on an equal footing, to carry out their roles and responsibilities in international public policy issues pertaining to the Internet;";
    private const string Op3bisByUnitedStates = "Invites all stakeholders to share best practices on enhanced cooperation;";
    private const string Op5bisByBrazil = "Encourages the Commission to review progress on enhanced cooperation at its annual sessions;";

    [Fact]
    public async Task A_negotiation_on_the_sample_recommendations_ends_in_an_adopted_text_that_replays_from_its_stream()
    {
        // The cast: the secretariat, a chair, three delegations and an observer.
        var secretariat = await app.SecretariatAsync();
        var chair = await app.JoinAsync(Role.Chair, "Chair", "Chair");
        var brazil = await app.JoinAsync(Role.Member, "Brazil delegate", "Brazil");
        var unitedStates = await app.JoinAsync(Role.Member, "US delegate", "United States");
        var isoc = await app.JoinAsync(Role.Member, "ISOC delegate", "ISOC");
        var observer = await app.JoinAsync(Role.Observer, "Observer", "Holy See");
        var created = await secretariat.Api.CreateDocumentAsync("Draft recommendations", DocumentKind.Recommendations, Samples.Read("recommendations.md"));
        var id = created.Id;
        await using var chairHub = await chair.ConnectAsync();
        await using var brazilHub = await brazil.ConnectAsync();
        await using var usHub = await unitedStates.ConnectAsync();
        await using var isocHub = await isoc.ConnectAsync();
        await using var observerHub = await observer.ConnectAsync();
        await observerHub.JoinDocumentAsync(new JoinDocumentRequest(id));
        Guid Operative(DocumentView view, string number) => view.Paragraphs.Single(p => p.Number == number).Id;
        Task<DocumentView> Now() => chair.Api.DocumentAsync(id);

        var initial = await Now();
        Assert.Equal(17, initial.Paragraphs.Count);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"], initial.Paragraphs.Where(p => p.Number is not null).Select(p => p.Number));
        Assert.Equal(Op1, initial.Paragraphs.Single(p => p.Number == "1").Text);
        var (op1, op3, op4, op9) = (Operative(initial, "1"), Operative(initial, "3"), Operative(initial, "4"), Operative(initial, "9"));
        // The draft as circulated is the revision whose numbers the first meeting keeps (3 bis, not a new 4).
        await chairHub.TagRevisionAsync(new TagRevisionRequest(id, "Zero draft", "as circulated"));

        // Meeting 1: one proposal from each delegation, supported and opposed by the others.
        var opened1 = await chairHub.OpenMeetingAsync(new OpenMeetingRequest(id, "First meeting"));
        var p1 = (await brazilHub.TableProposalAsync(new TableProposalRequest(id, op1, ProposalAction.Replace, Op1ByBrazil, "no further delay"))).ProposalId;
        var p2 = (await usHub.TableProposalAsync(new TableProposalRequest(id, op3, ProposalAction.InsertAfter, Op3bisByUnitedStates))).ProposalId;
        var p3 = (await isocHub.TableProposalAsync(new TableProposalRequest(id, op4, ProposalAction.Delete, Note: "no new mechanism"))).ProposalId;
        var p4 = (await usHub.TableProposalAsync(new TableProposalRequest(id, op9, ProposalAction.Replace, "Recommends that barriers be addressed;"))).ProposalId;
        await usHub.SupportProposalAsync(new ProposalRequest(id, p1));
        await isocHub.OpposeProposalAsync(new ProposalRequest(id, p1));
        await isocHub.SupportProposalAsync(new ProposalRequest(id, p2));
        await brazilHub.SupportProposalAsync(new ProposalRequest(id, p2));
        await brazilHub.OpposeProposalAsync(new ProposalRequest(id, p3));
        await usHub.SupportProposalAsync(new ProposalRequest(id, p3));
        await HubAssert.RefusedAsync(ErrorCode.Forbidden, () => observerHub.SupportProposalAsync(new ProposalRequest(id, p3)));
        await usHub.WithdrawProposalAsync(new ProposalRequest(id, p4));

        var debated = await Now();
        var onOp1 = Assert.Single(debated.Paragraphs.Single(p => p.Id == op1).Proposals);
        Assert.Equal("Brazil", onOp1.By.Delegation);
        Assert.Equal(["United States"], onOp1.Supporters);
        Assert.Equal(["ISOC"], onOp1.Opponents);
        var onOp3 = Assert.Single(debated.Paragraphs.Single(p => p.Id == op3).Proposals);
        Assert.Equal("United States", onOp3.By.Delegation);
        Assert.Equal(["ISOC", "Brazil"], onOp3.Supporters);

        await chairHub.DecideProposalAsync(new DecideProposalRequest(id, p1, ProposalDecision.Accept, ProposalForm.Bracketed));
        await chairHub.DecideProposalAsync(new DecideProposalRequest(id, p2, ProposalDecision.Accept, ProposalForm.Clean));
        await chairHub.DecideProposalAsync(new DecideProposalRequest(id, p3, ProposalDecision.Reject));
        var closed1 = await chairHub.CloseMeetingAsync(new CloseMeetingRequest(id));

        var afterMeeting1 = await Now();
        Assert.Null(afterMeeting1.Meeting);
        Assert.Equal($"[{Op1} / {Op1ByBrazil}]", afterMeeting1.Paragraphs.Single(p => p.Id == op1).Text);
        var op3bis = Operative(afterMeeting1, "3 bis");
        Assert.Equal(Op3bisByUnitedStates, afterMeeting1.Paragraphs.Single(p => p.Id == op3bis).Text);
        Assert.StartsWith("[Recommends the establishment", afterMeeting1.Paragraphs.Single(p => p.Id == op4).Text, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3", "3 bis", "4", "5", "6", "7", "8", "9", "10"],
            afterMeeting1.Paragraphs.Where(p => p.Number is not null).Select(p => p.Number));
        var meeting1Events = await chair.Api.EventsAsync(id, after: opened1.Version - 1);
        Assert.All(meeting1Events.Where(e => e.Version <= closed1.Version), e => Assert.Equal("First meeting", e.Meeting));

        // Rev.1 renumbers: 3 bis becomes 4, and everything after it moves up by one.
        var beforeRev1 = afterMeeting1.Paragraphs.Where(p => p.Kind == ParagraphKind.Operative).ToList();
        await chairHub.TagRevisionAsync(new TagRevisionRequest(id, "Rev.1", "after the first meeting"));
        var concordance = await chair.Api.ConcordanceAsync(id, "Rev.1");
        Assert.Equal(beforeRev1.Select(p => p.Id), concordance.Select(c => c.ParagraphId));
        Assert.Equal(["1", "2", "3", "3 bis", "4", "5", "6", "7", "8", "9", "10"], concordance.Select(c => c.OldNumber));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"], concordance.Select(c => c.NewNumber));
        var rev1 = await Now();
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"], rev1.Paragraphs.Where(p => p.Number is not null).Select(p => p.Number));
        Assert.Equal((op3bis, op4), (Operative(rev1, "4"), Operative(rev1, "5")));

        // Meeting 2: an insertion after 5 is 5 bis; then every bracket is resolved and every paragraph agreed.
        var opened2 = await chairHub.OpenMeetingAsync(new OpenMeetingRequest(id, "Second meeting"));
        var p5 = (await brazilHub.TableProposalAsync(new TableProposalRequest(id, op4, ProposalAction.InsertAfter, Op5bisByBrazil))).ProposalId;
        await isocHub.SupportProposalAsync(new ProposalRequest(id, p5));
        await chairHub.DecideProposalAsync(new DecideProposalRequest(id, p5, ProposalDecision.Accept, ProposalForm.Bracketed));
        var withBis = await Now();
        var op5bis = Operative(withBis, "5 bis");
        Assert.Equal(($"[{Op5bisByBrazil}]", "OP5 bis"), (withBis.Paragraphs.Single(p => p.Id == op5bis).Text, withBis.Paragraphs.Single(p => p.Id == op5bis).Label));
        Assert.Equal(op4, withBis.Paragraphs[withBis.Paragraphs.ToList().FindIndex(p => p.Id == op5bis) - 1].Id);

        var resolutions = 0;
        foreach (var paragraphId in withBis.Paragraphs.Select(p => p.Id))
        {
            while (true)
            {
                var paragraph = (await Now()).Paragraphs.Single(p => p.Id == paragraphId);
                if (paragraph.Brackets.Count == 0)
                    break;
                // Deterministic: the last alternative where there are several, else the bracket's content.
                var alternatives = paragraph.Brackets[0].Alternatives.Count;
                var resolved = await chairHub.ResolveBracketAsync(alternatives > 1
                    ? new ResolveBracketRequest(id, paragraphId, paragraph.Revision, 0, BracketKeep.Alternative, alternatives - 1)
                    : new ResolveBracketRequest(id, paragraphId, paragraph.Revision, 0, BracketKeep.Content));
                Assert.Equal(Outcome.Applied, resolved.Outcome);
                Assert.True(++resolutions < 100, "brackets never ran out");
            }
        }
        Assert.Equal(12, resolutions);

        var resolvedText = await Now();
        Assert.All(resolvedText.Paragraphs, p => Assert.Equal(0, p.OpenBrackets));
        var blocked = await HubAssert.RefusedAsync(ErrorCode.Invalid, () => chairHub.AdoptDocumentAsync(new AdoptDocumentRequest(id)));
        Assert.Contains("not agreed", blocked.Message, StringComparison.Ordinal);
        foreach (var paragraph in resolvedText.Paragraphs)
        {
            var agreed = await chairHub.SetParagraphStatusAsync(new SetParagraphStatusRequest(id, paragraph.Id, paragraph.Revision, ParagraphStatus.Agreed));
            Assert.Equal(Outcome.Applied, agreed.Outcome);
        }
        var closed2 = await chairHub.CloseMeetingAsync(new CloseMeetingRequest(id));
        var adopted = await chairHub.AdoptDocumentAsync(new AdoptDocumentRequest(id));
        Assert.Equal(closed2.Version + 1, adopted.Version);

        // The final text, numbers and labels.
        var final = await Now();
        Assert.Equal(adopted.Version, final.Version);
        Assert.NotNull(final.AdoptedAt);
        Assert.Null(final.Meeting);
        Assert.Equal(19, final.Paragraphs.Count);
        Assert.All(final.Paragraphs, p => Assert.Equal(ParagraphStatus.Agreed, p.Status));
        Assert.Equal(["1", "2", "3", "4", "5", "5 bis", "6", "7", "8", "9", "10", "11"],
            final.Paragraphs.Where(p => p.Number is not null).Select(p => p.Number));
        Assert.Equal(["PP1", "PP2", "PP3", "PP4", "PP5", "PP6"],
            final.Paragraphs.Where(p => p.Kind == ParagraphKind.Preambular).Select(p => p.Label));
        Assert.Equal(["OP1", "OP2", "OP3", "OP4", "OP5", "OP5 bis", "OP6", "OP7", "OP8", "OP9", "OP10", "OP11"],
            final.Paragraphs.Where(p => p.Kind == ParagraphKind.Operative).Select(p => p.Label));
        string Text(string label) => final.Paragraphs.Single(p => p.Label == label).Text;
        Assert.Equal("Recognizing that the Internet is a global facility whose stable functioning is a shared responsibility,", Text("PP5"));
        Assert.Equal("Noting the diversity of views among stakeholders on the meaning and the implementation of enhanced cooperation,", Text("PP6"));
        Assert.Equal(Op1ByBrazil, Text("OP1"));
        Assert.Equal("Also recommends that all stakeholders, in their respective roles and responsibilities, participate in the processes of enhanced cooperation;", Text("OP2"));
        Assert.Equal("Encourages Member States to improve the participation of developing countries in Internet governance processes, including through capacity building, financial support and remote participation;", Text("OP3"));
        Assert.Equal(Op3bisByUnitedStates, Text("OP4"));
        Assert.Equal("Recommends the establishment of a multi-stakeholder mechanism to address international public policy issues pertaining to the Internet;", Text("OP5"));
        Assert.Equal(Op5bisByBrazil, Text("OP5 bis"));
        Assert.Equal("Invites existing organizations dealing with Internet-related public policy issues to report on the steps they have taken towards enhanced cooperation;", Text("OP7"));
        Assert.Equal("Recommends that the Commission decide on the establishment of a further working group with the same composition to continue the work on enhanced cooperation;", Text("OP8"));
        Assert.Equal("Recommends that the barriers to the participation of stakeholders from developing countries, in particular the lack of remote participation, be addressed;", Text("OP10"));
        Assert.Equal("Decides to transmit these recommendations to the Commission on Science and Technology for Development at its seventeenth session.", Text("OP11"));
        Assert.Equal(
            [ProposalState.Accepted, ProposalState.Accepted, ProposalState.Rejected, ProposalState.Withdrawn, ProposalState.Accepted],
            new[] { p1, p2, p3, p4, p5 }.Select(p => final.Paragraphs.SelectMany(x => x.Proposals).Single(x => x.Id == p).State));
        Assert.Equal(["Zero draft", "Rev.1"], final.Revisions.Select(r => r.Label));

        // Adopted: read-only for everyone.
        await HubAssert.RefusedAsync(ErrorCode.Locked, () => brazilHub.TableProposalAsync(
            new TableProposalRequest(id, op1, ProposalAction.Replace, "Too late")));

        // The meetings: meeting 1 edited twice (the bracketed replacement, the clean insertion) and agreed nothing;
        // meeting 2 inserted 5 bis, resolved 12 brackets in 10 paragraphs and agreed all 19 paragraphs.
        var meetings = await chair.Api.MeetingsAsync(id);
        Assert.Equal(["First meeting", "Second meeting"], meetings.Select(m => m.Name));
        var (first, second) = (meetings[0], meetings[1]);
        Assert.Equal((opened1.Version, closed1.Version, 2, 0), (first.FromVersion, first.ToVersion, first.Edits, first.Agreed));
        Assert.Equal((opened2.Version, closed2.Version, 19), (second.FromVersion, second.ToVersion, second.Agreed));
        Assert.InRange(second.Edits, 10, 1 + resolutions);
        Assert.All(meetings, m => Assert.True(m.ClosedAt >= m.OpenedAt));
        Assert.True(second.OpenedAt >= first.ClosedAt);

        // The live read model equals the document folded from its stream, field by field.
        var live = await ReadJsonAsync($"api/documents/{id}", chair);
        var replayed = await ReadJsonAsync($"api/documents/{id}?version={final.Version}", chair);
        AssertSameJson(live, replayed, "$");
    }

    private async Task<JsonNode> ReadJsonAsync(string path, Participant who)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", who.Api.Token);
        using var response = await app.Api().Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>Compares two JSON trees and names the first path where they differ.</summary>
    private static void AssertSameJson(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject o:
                var other = Assert.IsType<JsonObject>(actual);
                Assert.True(o.Select(p => p.Key).Order().SequenceEqual(other.Select(p => p.Key).Order()),
                    $"{path}: fields {string.Join(",", o.Select(p => p.Key))} vs {string.Join(",", other.Select(p => p.Key))}");
                foreach (var (key, value) in o)
                    AssertSameJson(value, other[key], $"{path}.{key}");
                break;
            case JsonArray a:
                var array = Assert.IsType<JsonArray>(actual);
                Assert.True(a.Count == array.Count, $"{path}: {a.Count} items vs {array.Count}");
                for (var i = 0; i < a.Count; i++)
                    AssertSameJson(a[i], array[i], $"{path}[{i}]");
                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: {expected?.ToJsonString()} vs {actual?.ToJsonString()}");
                break;
        }
    }
}
