using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Negotiation;

/// <summary>Delegations refer to paragraphs by number: once given, "3 bis" stays "3 bis" until the text is renumbered.</summary>
public sealed class NumberStabilityTests(NegotiationApp app) : IClassFixture<NegotiationApp>
{
    [Fact]
    public async Task Given_numbers_survive_inserts_deletes_and_moves_live_and_on_replay()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Stable", DocumentKind.Recommendations, "1. One;\n\n2. Two;\n\n3. Three;\n\n4. Four.");
        await using var hub = await chair.ConnectAsync();
        var (two, three) = (document.Paragraphs[1].Id, document.Paragraphs[2].Id);
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));

        var bis = await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, three, ParagraphKind.Operative, "Three bis;"));
        var ter = await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, three, ParagraphKind.Operative, "Squeezed before it;"));
        await hub.DeleteParagraphAsync(new DeleteParagraphRequest(document.Id, three));
        await hub.MoveParagraphAsync(new MoveParagraphRequest(document.Id, two, null));

        var now = await chair.Api.DocumentAsync(document.Id);
        Assert.Equal("2, 1, 3 ter, 3 bis, 4", now.Numbers());
        Assert.Equal("OP2, OP1, OP3 ter, OP3 bis, OP4", now.Labels());
        Assert.Equal((bis.ParagraphId, ter.ParagraphId), (now.Paragraphs[3].Id, now.Paragraphs[2].Id));
        var replay = await chair.Api.DocumentAsync(document.Id, $"version={now.Version}");
        Assert.Equal(now.Numbers(), replay.Numbers());
        Assert.Equal(now.Labels(), replay.Labels());
    }

    [Fact]
    public async Task A_first_revision_without_renumbering_fixes_the_numbers_live_and_on_replay()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Frozen", DocumentKind.Recommendations, "1. One;\n\n2. Two.");
        await using var hub = await chair.ConnectAsync();
        await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1", Renumber: false));

        await hub.InsertParagraphAsync(new InsertParagraphRequest(document.Id, null, ParagraphKind.Operative, "At the top;"));

        var now = await chair.Api.DocumentAsync(document.Id);
        Assert.Equal("0 bis, 1, 2", now.Numbers());
        Assert.Equal(now.Numbers(), (await chair.Api.DocumentAsync(document.Id, $"version={now.Version}")).Numbers());
    }
}
