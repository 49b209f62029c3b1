using WGEC.Drafting.Collaboration;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Http;
using WGEC.Drafting.Operations;
using WGEC.Drafting.Participants;
using WGEC.Drafting.Questionnaires;
using WGEC.Drafting.Storage;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddDraftingStorage();
}
catch (PostgresNotInstalledException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 1;
}
builder.Services.AddDraftingHttp();
builder.Services.AddDraftingParticipants();
builder.Services.AddDraftingDocuments();
builder.Services.AddDraftingQuestionnaires();
builder.Services.AddDraftingCollaboration(builder.Configuration);
builder.Services.AddDraftingOperations();

var app = builder.Build();
app.UseDraftingHttp();
app.MapDraftingHttp();
app.MapParticipants();
app.MapDocuments();
app.MapQuestionnaires();
app.MapCollaboration();
app.MapDraftingOperations();
app.Run();
return 0;

public partial class Program;
