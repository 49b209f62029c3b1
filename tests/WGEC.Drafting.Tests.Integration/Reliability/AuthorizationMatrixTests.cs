using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WGEC.Drafting.Client;
using WGEC.Drafting.Collaboration;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static WGEC.Drafting.Tests.Reliability.MatrixRows;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// Issue 8: every hub method and REST call × every caller gets exactly the answer PROTOCOL.md gives
/// (<see cref="AuthorizationMatrix"/>), and a refused call changes nothing. The calls are found on the running
/// server, so one without a row fails here by name.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixServer server) : IClassFixture<AuthorizationMatrixServer>
{
    private static readonly Caller[] Roles = [Caller.Secretariat, Caller.Chair, Caller.Member, Caller.Observer];
    private static readonly Caller[] NoWayIn = [Caller.NoToken, Caller.ExpiredToken, Caller.RevokedParticipant];

    public static TheoryData<string> HubRows() => Names(AuthorizationMatrix.HubMethods.Select(r => r.Call));

    public static TheoryData<string> RestRows() => Names(AuthorizationMatrix.RestCalls.Select(r => r.Call));

    [Fact]
    public void Every_hub_method_has_one_row_and_every_row_is_a_hub_method()
    {
        var methods = typeof(DraftingHub).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType is { } declared
                && declared != typeof(object) && declared.Assembly != typeof(Hub).Assembly)
            .Select(m => m.GetCustomAttribute<HubMethodNameAttribute>()?.Name ?? m.Name)
            .ToList();
        var rows = AuthorizationMatrix.HubMethods.Select(r => r.Call).ToList();

        Assert.NotEmpty(methods);
        AssertNone(methods.Except(rows), "hub methods with no row in AuthorizationMatrix.HubMethods (add one)");
        AssertNone(rows.Except(methods), "rows of AuthorizationMatrix.HubMethods that are no hub method");
        AssertNone(rows.GroupBy(r => r).Where(g => g.Count() > 1).Select(g => g.Key), "hub methods with more than one row");
    }

    [Fact]
    public void Every_endpoint_has_one_row_and_every_row_is_an_endpoint()
    {
        var endpoints = server.Main.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        Assert.All(endpoints, e => Assert.IsType<RouteEndpoint>(e));
        var routes = endpoints.Cast<RouteEndpoint>().Select(MappedRoute.From).ToList();
        var rows = AuthorizationMatrix.RestCalls;

        Assert.NotEmpty(routes);
        AssertNone(routes.Where(e => !rows.Any(e.Matches)).Select(e => e.Call), "endpoints with no row in AuthorizationMatrix.RestCalls (add one)");
        AssertNone(routes.Where(e => rows.Count(e.Matches) > 1).Select(e => e.Call), "endpoints with more than one row");
        AssertNone(rows.Where(r => !routes.Any(e => e.Matches(r))).Select(r => r.Call), "rows of AuthorizationMatrix.RestCalls that match no endpoint");
    }

    [Theory]
    [MemberData(nameof(HubRows))]
    public async Task Hub_method_answers_each_role_as_the_protocol_says_and_a_refusal_changes_nothing(string method)
    {
        var row = AuthorizationMatrix.HubMethods.Single(r => r.Call == method);
        // With no valid token there is no connection to call on: the three are checked once each, at negotiate.
        Assert.All(NoWayIn, caller => Assert.True(row.Answers[caller] == Answer.Unauthorized,
            $"{method}: the hub cannot be reached by a caller with {Name(caller)}; the cell is 401"));

        await AssertEveryCellAsync(row.Call, row.Answers, Roles, (caller, expected) => HubCellAsync(row, caller, expected));
    }

    [Theory]
    [MemberData(nameof(RestRows))]
    public async Task Rest_call_answers_every_caller_as_the_protocol_says_and_a_refusal_changes_nothing(string call)
    {
        var row = AuthorizationMatrix.RestCalls.Single(r => r.Call == call);

        await AssertEveryCellAsync(row.Call, row.Answers, Enum.GetValues<Caller>(), (caller, expected) => RestCellAsync(row, caller, expected));
    }

    [Fact]
    public async Task Hub_connection_with_no_token_an_expired_token_or_a_revoked_participants_token_is_refused_at_negotiate_and_at_the_websocket()
    {
        // A browser sends the token in the WebSocket's query string, and may skip negotiate: a valid one connects that way.
        Assert.Equal(HttpStatusCode.SwitchingProtocols, await WebSocketStatusAsync(server[Caller.Observer].Token));
        var failures = new List<string>();
        foreach (var caller in NoWayIn.Select(c => server[c]))
        {
            var before = await server.FootprintAsync();
            await using var connection = new DraftingConnection(server.Main.BaseAddress, () => Task.FromResult(caller.Token));
            var refused = await Record.ExceptionAsync(() => connection.StartAsync());
            if (refused is not HttpRequestException { StatusCode: HttpStatusCode.Unauthorized })
                failures.Add($"{caller}: expected 401 at negotiate, got {refused?.Message ?? "a connection"}");
            if (await WebSocketStatusAsync(caller.Token) is var status and not HttpStatusCode.Unauthorized)
                failures.Add($"{caller}: expected 401 at a WebSocket that skips negotiate, got {(int)status}");
            await server.AssertUnchangedAsync(before);
        }
        AssertNone(failures, "hub connections not refused");
    }

    /// <summary>The member cells of ResolveComment and WithdrawProposal hold for their own: not for another delegation's (protocol silent; the server's rule).</summary>
    [Fact]
    public async Task A_member_may_not_resolve_another_delegations_comment_nor_withdraw_its_proposal()
    {
        var member = server[Caller.Member];
        var stage = await MatrixStage.CreateAsync(server);
        var comment = await stage.OtherDelegationsCommentAsync();
        var proposal = await stage.ProposalAsync(MatrixStage.OtherDelegation);
        var before = await server.FootprintAsync();

        var resolve = await Assert.ThrowsAsync<HubException>(() => member.Hub.Hub.InvokeCoreAsync<object?>(
            nameof(DraftingHub.ResolveComment), [new ResolveCommentRequest(stage.Id, comment)]));
        var withdraw = await Assert.ThrowsAsync<HubException>(() => member.Hub.Hub.InvokeCoreAsync<object?>(
            nameof(DraftingHub.WithdrawProposal), [new ProposalRequest(stage.Id, proposal)]));

        Assert.StartsWith("forbidden: ", resolve.Message, StringComparison.Ordinal);
        Assert.StartsWith("forbidden: ", withdraw.Message, StringComparison.Ordinal);
        await server.AssertUnchangedAsync(before);
    }

    /// <summary>Runs every cell of a row, each on a fresh stage, and reports all the cells that differ at once.</summary>
    private static async Task AssertEveryCellAsync(
        string call, IReadOnlyDictionary<Caller, Answer> answers, IEnumerable<Caller> callers, Func<Caller, Answer, Task> cell)
    {
        var failures = new List<string>();
        foreach (var caller in callers)
        {
            try
            {
                await cell(caller, answers[caller]);
            }
            catch (Exception e)
            {
                failures.Add($"{call} as {Name(caller)}, expected {Cell(answers[caller])}: {e.Message}");
            }
        }
        AssertNone(failures, "cells that differ from the protocol");
    }

    private async Task HubCellAsync(HubRow row, Caller column, Answer expected)
    {
        var caller = server[column];
        var request = await SetUpAsync(async () => await row.Request(await MatrixStage.CreateAsync(server), caller));
        var before = expected == Answer.Ok ? null : await server.FootprintAsync();
        object? result;
        try
        {
            result = await caller.Hub.Hub.InvokeCoreAsync<object?>(row.Call, [request]);
        }
        catch (HubException refused)
        {
            Assert.True(expected == Answer.Forbidden, $"refused: {refused.Message}");
            Assert.StartsWith("forbidden: ", refused.Message, StringComparison.Ordinal);
            await server.AssertUnchangedAsync(before!);
            return;
        }
        Assert.True(expected == Answer.Ok, $"the call succeeded: {result}");
        if (result is JsonElement { ValueKind: JsonValueKind.Object } answer && answer.TryGetProperty("outcome", out var outcome))
            Assert.Equal("applied", outcome.GetString());
    }

    private async Task RestCellAsync(RestRow row, Caller column, Answer expected)
    {
        var caller = server[column];
        using var request = await SetUpAsync(async () => await row.Request(await MatrixStage.CreateAsync(server), caller));
        // The request is the row's: two endpoints share a method and route and differ by the body's type.
        Assert.Equal(row.Method, request.Method.Method);
        Assert.Equal(row.ContentType, request.Content?.Headers.ContentType?.MediaType);
        if (caller.Token is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var before = expected == Answer.Ok ? null : await server.FootprintAsync();

        var response = await server.Http.SendAsync(request);

        if (expected == Answer.Ok)
        {
            using (response)
                Assert.True(response.IsSuccessStatusCode, $"got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return;
        }
        if (expected == Answer.Forbidden)
            await Problem.AssertAsync(response, HttpStatusCode.Forbidden, "forbidden");
        else
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        await server.AssertUnchangedAsync(before!);
    }

    /// <summary>The answer to a WebSocket upgrade of the hub that skips negotiate, the token in the query string as browsers send it.</summary>
    private async Task<HttpStatusCode> WebSocketStatusAsync(string? token)
    {
        var address = new UriBuilder(new Uri(server.Main.BaseAddress, HubPaths.Drafting.TrimStart('/')))
        {
            Scheme = "ws",
            Query = token is null ? "" : "access_token=" + Uri.EscapeDataString(token),
        };
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await socket.ConnectAsync(address.Uri, CancellationToken.None);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        return socket.HttpStatusCode;
    }

    /// <summary>What a cell needs before its call; a failure here is the setup's, not the cell's answer.</summary>
    private static async Task<T> SetUpAsync<T>(Func<Task<T>> setUp)
    {
        try
        {
            return await setUp();
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"setting up the call failed: {e.Message}", e);
        }
    }

    private static void AssertNone(IEnumerable<string> found, string what)
    {
        var list = found.ToList();
        Assert.True(list.Count == 0, $"{what}:\n  " + string.Join("\n  ", list));
    }

    private static TheoryData<string> Names(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names)
            data.Add(name);
        return data;
    }

    /// <summary>An endpoint as the matrix names it: <c>POST /api/documents (multipart/form-data)</c>.</summary>
    private sealed record MappedRoute(IReadOnlyList<string> Methods, string Route, IReadOnlyList<string> Accepts)
    {
        public static MappedRoute From(RouteEndpoint endpoint)
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            return new MappedRoute(
                endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                raw,
                endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []);
        }

        public string Call =>
            $"{(Methods.Count == 0 ? "(any method)" : string.Join('|', Methods))} {Route}{(Accepts.Count == 0 ? "" : $" ({string.Join('|', Accepts)})")}";

        /// <summary>An endpoint with no method list answers every method; one that declares its body's types is named with one.</summary>
        public bool Matches(RestRow row) =>
            row.Route == Route
            && (Methods.Count == 0 || Methods.Contains(row.Method))
            && (Accepts.Count == 0 ? row.ContentType is null : Accepts.Contains(row.ContentType));
    }
}
