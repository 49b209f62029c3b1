using WGEC.Drafting.Documents.Comparing;
using WGEC.Drafting.Documents.Creating;
using WGEC.Drafting.Documents.Reading;
using WGEC.Drafting.Documents.Writing;
using WGEC.Drafting.Rendering;

namespace WGEC.Drafting.Documents;

public static class DocumentsExtensions
{
    public static IServiceCollection AddDraftingDocuments(this IServiceCollection services) =>
        services
            .AddSingleton<MarkdownRenderer>()
            .AddSingleton<DocumentViews>()
            .AddSingleton<Envelopes>()
            .AddSingleton<DocumentReader>()
            .AddSingleton<DocumentDiffer>()
            .AddSingleton<DocumentCache>()
            .AddSingleton<DocumentWriter>()
            .AddSingleton<Citing.EvidenceCatalog>()
            .AddSingleton(provider => DocxLimits.From(provider.GetRequiredService<IConfiguration>()));
}
