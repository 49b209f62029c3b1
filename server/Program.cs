var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "WGEC.Drafting");
app.Run();

public partial class Program;
