using System.Net;
using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// Which document a request's valid form needs: most need one being drafted; some need a meeting open, all agreed,
/// or a mapping annex (rows).
/// </summary>
internal enum FixtureKind { Drafting, Meeting, Agreed, Annex }

/// <summary>
/// The ids a valid request names. <c>Paragraph</c> holds a bracket (<c>[shall / should]</c>) and a comment;
/// <c>Other</c> carries two open proposals, one of another delegation (<c>TheirProposal</c>) and one of
/// the secretariat's own; <c>Deleted</c> is a tombstone and <c>Withdrawn</c> a closed proposal. Revision Rev.1 is tagged last.
/// </summary>
/// In an annex, <c>Paragraph</c> and <c>Other</c> are rows and <c>Deleted</c> a deleted row. <c>Row</c> is a row of
/// another annex that <c>Paragraph</c> cites.
internal sealed record FuzzIds(
    Guid Document, long Version, Guid Paragraph, Guid Other, Guid Deleted, Guid Comment, Guid TheirProposal, Guid OwnProposal, Guid Withdrawn)
{
    public Guid Row { get; init; }
}

/// <summary>
/// The server in a process of its own on the shared test cluster with a schema of its own, so that a
/// crash or a stack overflow shows as the process exiting and its memory is its own.
/// </summary>
internal sealed class FuzzServer : IAsyncDisposable
{
    public const string SecretariatCode = "fuzz-secretariat-invite-code";

    private readonly TemporaryFolder data;
    private DraftingConnection? secretariatHub;
    private DraftingConnection? memberHub;

    private FuzzServer(ServerProcess process, TemporaryFolder data, HttpClient http) => (Process, this.data, Http) = (process, data, http);

    public ServerProcess Process { get; }

    /// <summary>A client with no token: every request sets its own headers.</summary>
    public HttpClient Http { get; }

    public DraftingApi Secretariat { get; private set; } = null!;

    public string Token => Secretariat.Token!;

    public Guid MemberId { get; private set; }

    public static async Task<FuzzServer> StartAsync()
    {
        var data = TemporaryFolder.Create();
        var process = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Drafting"] = await TestPostgres.ConnectionStringAsync(),
            ["Drafting__Schema"] = "fz_" + Guid.NewGuid().ToString("N")[..12],
            ["Drafting__SecretariatInviteCode"] = SecretariatCode,
            ["Drafting__DataDirectory"] = data.Path,
            // The fuzzer is one connection sending thousands of calls, and signs in with bad codes on purpose:
            // the limits that would answer rate-limited are tested elsewhere (HubRateLimitTests, RestSignInThrottleTests).
            ["Drafting__HubCallsPerSecond"] = "1000000",
            ["Drafting__SignInFailuresPerMinute"] = "1000000",
        });
        var server = new FuzzServer(process, data, new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(30) });
        server.Secretariat = process.Api();
        await server.Secretariat.SignInAsync(SecretariatCode);
        var member = await server.Secretariat.CreateParticipantAsync("Fuzz member", "Brazil", Role.Member);
        server.MemberId = member.Participant.Id;
        var memberApi = process.Api();
        await memberApi.SignInAsync(member.InviteCode);
        server.secretariatHub = new DraftingConnection(process.Address, () => Task.FromResult(server.Secretariat.Token));
        server.memberHub = new DraftingConnection(process.Address, () => Task.FromResult(memberApi.Token));
        await server.secretariatHub.StartAsync();
        await server.memberHub.StartAsync();
        return server;
    }

    public Task<FuzzHubSocket> ConnectAsync() => FuzzHubSocket.ConnectAsync(Process.Address, Token);

    /// <summary>A new document in the state a request of this kind needs, built with the typed client.</summary>
    public async Task<FuzzIds> FixtureAsync(FixtureKind kind)
    {
        var hub = secretariatHub!;
        if (kind == FixtureKind.Agreed)
        {
            var done = await Secretariat.CreateDocumentAsync("Fuzz agreed", DocumentKind.Recommendations, "1. Agreed text.");
            var only = done.Paragraphs[0].Id;
            var agreed = await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(done.Id, only, done.Version, ParagraphStatus.Agreed));
            return new FuzzIds(done.Id, agreed.Version, only, only, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);
        }
        if (kind == FixtureKind.Annex)
        {
            var (table, rows) = await AnnexAsync(3);
            var gone = await hub.DeleteParagraphAsync(new DeleteParagraphRequest(table, rows[2]));
            return new FuzzIds(table, gone.Version, rows[0], rows[1], rows[2], Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);
        }
        var (_, cited) = await AnnexAsync(1);
        var document = await Secretariat.CreateDocumentAsync("Fuzz", DocumentKind.Recommendations,
            "Recalling [its / the] resolutions,\n\n1. Alpha [shall / should] act.\n\n2. Beta text.\n\n3. Gamma text.", "FUZZ/1");
        var (id, paragraph, other, deleted) = (document.Id, document.Paragraphs[1].Id, document.Paragraphs[2].Id, document.Paragraphs[3].Id);
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(id, deleted));
        var comment = await hub.AddCommentAsync(new AddCommentRequest(id, paragraph, "A comment."));
        await hub.LinkEvidenceAsync(new EvidenceRequest(id, paragraph, EvidenceKind.Row, cited[0]));
        var theirs = await memberHub!.TableProposalAsync(new TableProposalRequest(id, other, ProposalAction.Replace, "Beta revised."));
        var own = await hub.TableProposalAsync(new TableProposalRequest(id, other, ProposalAction.InsertAfter, "Delta.", Kind: ParagraphKind.Operative));
        var withdrawn = await hub.TableProposalAsync(new TableProposalRequest(id, other, ProposalAction.Delete));
        var last = await hub.WithdrawProposalAsync(new ProposalRequest(id, withdrawn.ProposalId));
        last = await hub.TagRevisionAsync(new TagRevisionRequest(id, FuzzRestRequests.Revision));
        if (kind == FixtureKind.Meeting)
            last = await hub.OpenMeetingAsync(new OpenMeetingRequest(id, "Fuzz session"));
        return new FuzzIds(id, last.Version, paragraph, other, deleted, comment.CommentId, theirs.ProposalId, own.ProposalId, withdrawn.ProposalId)
        {
            Row = cited[0],
        };
    }

    /// <summary>A mapping annex of <paramref name="count"/> rows.</summary>
    private async Task<(Guid Id, List<Guid> Rows)> AnnexAsync(int count)
    {
        var annex = await Secretariat.CreateDocumentAsync("Fuzz mapping", DocumentKind.Annex);
        var rows = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var inserted = await secretariatHub!.InsertParagraphAsync(new InsertParagraphRequest(annex.Id, rows.Count > 0 ? rows[^1] : null, ParagraphKind.Row, null,
                Fields: new RowFields($"Issue {i + 1}", "Category", "Grouping", "Activities [and approaches]", "Partially addressed")));
            rows.Add(inserted.ParagraphId);
        }
        return (annex.Id, rows);
    }

    /// <summary>The document's whole event stream as the server serves it, to compare before and after.</summary>
    public async Task<string> StreamAsync(Guid document)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/documents/{document}/events?limit=5000");
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? body : throw new InvalidOperationException($"events of {document}: {(int)response.StatusCode} {body}");
    }

    public async ValueTask DisposeAsync()
    {
        if (secretariatHub is not null)
            await secretariatHub.DisposeAsync();
        if (memberHub is not null)
            await memberHub.DisposeAsync();
        Http.Dispose();
        await Process.DisposeAsync();
        data.Dispose();
    }
}
