using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Http;

/// <summary>What a server keeps across restarts: everything, since it is all in the database (and the data folder).</summary>
public sealed class RestRestartTests
{
    [Fact]
    public async Task A_second_start_on_the_same_schema_and_data_keeps_documents_participants_and_tokens()
    {
        using var data = TemporaryFolder.Create();
        var schema = "t_" + Guid.NewGuid().ToString("N")[..16];

        var first = new SameDataApp(schema, data.Path);
        await first.InitializeAsync();
        Participant member;
        DocumentView document;
        ParticipantView[] participants;
        try
        {
            var chair = await first.JoinAsync(Role.Chair);
            member = await first.JoinAsync(Role.Member);
            document = await chair.Api.CreateDocumentAsync("Survivor", DocumentKind.Recommendations, "Noting [this],\n\n1. Decides.");
            await using var hub = await chair.ConnectAsync();
            await hub.TagRevisionAsync(new TagRevisionRequest(document.Id, "Rev.1"));
            document = await chair.Api.DocumentAsync(document.Id);
            participants = await chair.Api.ParticipantsAsync();
        }
        finally
        {
            await first.DisposeAsync();
        }

        var second = new SameDataApp(schema, data.Path);
        await second.InitializeAsync();
        try
        {
            var sameToken = second.Api(member.Api.Token);
            Assert.Equivalent(document, await sameToken.DocumentAsync(document.Id), strict: true);
            Assert.Equal(participants, await sameToken.ParticipantsAsync());
            Assert.Equal(member.View, (await second.Api().SignInAsync(member.InviteCode)).Participant);
            Assert.NotNull((await sameToken.RefreshAsync()).Token);
            Assert.Equal(document.Version, Assert.Single(await sameToken.DocumentsAsync()).Version);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private sealed class SameDataApp(string schema, string dataDirectory) : DraftingApp(schema, dataDirectory);
}
