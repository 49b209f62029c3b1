using WGEC.Drafting.Client;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;

namespace WGEC.Drafting.Tests.Storage;

/// <summary>The product as started by `dotnet run --project server`: no configuration but a data folder.</summary>
public sealed class ServerProcessTests
{
    [Fact]
    public async Task With_no_configuration_the_server_runs_its_own_cluster_and_a_restart_keeps_everything()
    {
        using var data = TemporaryFolder.Create();
        var environment = new Dictionary<string, string> { ["Drafting__DataDirectory"] = data.Path };

        Guid documentId, memberId;
        string memberCode, secretariatToken, code;
        await using (var first = await ServerProcess.StartAsync(environment))
        {
            code = first.InviteCode ?? throw new InvalidOperationException("no sign-in link printed:\n" + first.Output);
            var secretariat = first.Api();
            secretariatToken = (await secretariat.SignInAsync(code)).Token;
            var member = await secretariat.CreateParticipantAsync("Ana", "Brazil", Role.Member);
            (memberId, memberCode) = (member.Participant.Id, member.InviteCode);
            var document = await secretariat.CreateDocumentAsync("Draft", DocumentKind.Recommendations, "1. Recommends [action];");
            documentId = document.Id;
            await using var hub = new DraftingConnection(first.Address, () => Task.FromResult(secretariat.Token));
            await hub.StartAsync();
            await hub.EditParagraphAsync(new EditParagraphRequest(documentId, document.Paragraphs[0].Id, document.Version, "Recommends action;"));

            Assert.Equal(0, await first.StopAsync());
            Assert.False(File.Exists(Path.Combine(data.Path, "postgres", "postmaster.pid")), "the embedded cluster must stop with the server");
        }

        await using var second = await ServerProcess.StartAsync(environment);
        Assert.Equal(code, second.InviteCode); // a developer's machine: the same link at every start
        var again = second.Api();
        again.Token = secretariatToken; // issued before the restart, still valid
        var now = await again.DocumentAsync(documentId);
        Assert.Equal("Recommends action;", Assert.Single(now.Paragraphs).Text);
        Assert.Contains(await again.ParticipantsAsync(), p => p.Id == memberId);
        Assert.Equal(memberId, (await second.Api().SignInAsync(memberCode)).Participant.Id);
    }

    [Fact]
    public async Task On_a_configured_database_the_generated_link_is_printed_at_the_first_start_only()
    {
        using var data = TemporaryFolder.Create();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Drafting"] = await TestPostgres.ConnectionStringAsync(),
            ["Drafting__Schema"] = "p_" + Guid.NewGuid().ToString("N")[..12],
            ["Drafting__DataDirectory"] = data.Path,
        };

        string code;
        await using (var first = await ServerProcess.StartAsync(environment))
        {
            code = first.InviteCode ?? throw new InvalidOperationException("no sign-in link at the first start:\n" + first.Output);
            await first.StopAsync();
        }
        await using var second = await ServerProcess.StartAsync(environment);

        Assert.Null(second.InviteCode);
        Assert.DoesNotContain(code, second.Output, StringComparison.Ordinal);
        Assert.Equal(Role.Secretariat, (await second.Api().SignInAsync(code)).Participant.Role);
    }

    [Fact]
    public async Task Without_postgresql_binaries_the_server_exits_with_one_line_saying_what_to_do()
    {
        using var data = TemporaryFolder.Create();
        using var empty = TemporaryFolder.Create();

        var (exitCode, output) = await ServerProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["Drafting__DataDirectory"] = data.Path,
            ["Drafting__PostgresBinDirectory"] = empty.Path,
        });

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("apt-get install postgresql", line, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:Drafting", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_tokens_in_the_query_string_never_reach_the_log_even_at_trace_level()
    {
        using var data = TemporaryFolder.Create();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Drafting__DataDirectory"] = data.Path,
            ["Logging__LogLevel__Default"] = "Trace",
            ["Logging__LogLevel__Microsoft"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Trace",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        });
        var api = server.Api();
        var token = (await api.SignInAsync(server.InviteCode!)).Token;
        // The way a browser passes it (WebSockets cannot carry headers): in the query string.
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        using var negotiated = await anonymous.PostAsync(
            new Uri($"hubs/drafting/negotiate?negotiateVersion=1&access_token={token}", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.OK, negotiated.StatusCode);
        await server.StopAsync();

        Assert.Contains("dbug:", server.Output, StringComparison.Ordinal); // verbose logging really was on
        Assert.DoesNotContain(token, server.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_hub_call_is_an_answer_not_an_error_in_the_log()
    {
        using var data = TemporaryFolder.Create();
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Drafting__DataDirectory"] = data.Path });
        var secretariat = server.Api();
        await secretariat.SignInAsync(server.InviteCode!);
        var document = await secretariat.CreateDocumentAsync("Quiet log", DocumentKind.Report, "Text.");
        var observer = server.Api();
        await observer.SignInAsync((await secretariat.CreateParticipantAsync("Olga", "ISOC", Role.Observer)).InviteCode);
        await using var hub = new DraftingConnection(server.Address, () => Task.FromResult(observer.Token));
        await hub.StartAsync();

        var refused = await Assert.ThrowsAsync<DraftingException>(() => hub.EditParagraphAsync(
            new EditParagraphRequest(document.Id, document.Paragraphs[0].Id, document.Paragraphs[0].Revision, "Changed.")));
        await server.StopAsync();

        Assert.Equal(ErrorCode.Forbidden, refused.Code);
        Assert.DoesNotContain("fail:", server.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed to invoke", server.Output, StringComparison.Ordinal);
    }

}
