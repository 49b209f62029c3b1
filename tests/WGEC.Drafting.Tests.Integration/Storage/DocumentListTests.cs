using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Storage;

public sealed class DocumentListTests(DraftingApp app) : IClassFixture<DraftingApp>
{
    [Fact]
    public async Task Summaries_count_paragraphs_agreed_and_open_brackets_from_the_read_model()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var document = await chair.Api.CreateDocumentAsync("Counted", DocumentKind.Recommendations,
            "1. Recommends [a / b];\n\n2. Requests the secretariat to report;\n\n3. Decides to [continue];");
        await using var hub = await chair.ConnectAsync();
        var agreedParagraph = document.Paragraphs[1];
        await hub.SetParagraphStatusAsync(new SetParagraphStatusRequest(
            document.Id, agreedParagraph.Id, agreedParagraph.Revision, ParagraphStatus.Agreed));

        var summary = Assert.Single(await chair.Api.DocumentsAsync(), d => d.Id == document.Id);

        Assert.Equal((3, 1, 2), (summary.Paragraphs, summary.Agreed, summary.OpenBrackets));
        Assert.Equal(document.Version + 1, summary.Version);
    }
}
