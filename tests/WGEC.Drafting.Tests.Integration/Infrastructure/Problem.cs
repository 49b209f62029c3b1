using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Tests.Infrastructure;

/// <summary>Raw HTTP for REST tests: what goes over the wire, and the RFC 7807 shape every refusal must have (PROTOCOL.md §2, §4).</summary>
public static class Problem
{
    /// <summary>Asserts the status, <c>application/problem+json</c>, a <c>type</c> ending in the code and a readable <c>detail</c>; returns the detail.</summary>
    public static async Task<string> AssertAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var json = JsonDocument.Parse(body);
            Assert.EndsWith("/" + code, json.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
            Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
            var detail = json.RootElement.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrWhiteSpace(detail), "detail is empty");
            Assert.Contains(' ', detail);
            return detail;
        }
    }

    public static Task<HttpResponseMessage> GetAsync(this HttpClient http, string path, string? token) =>
        http.SendAsync(Request(HttpMethod.Get, path, token, null));

    public static Task<HttpResponseMessage> SendAsync(this HttpClient http, HttpMethod method, string path, string? token, object? body = null) =>
        http.SendAsync(Request(method, path, token, body is null ? null : JsonContent.Create(body, options: ProtocolJson.Options)));

    /// <summary>A body sent as typed, so a test can send what the typed contracts cannot express (an unknown enum, a bad field).</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient http, string path, string? token, string json) =>
        http.SendAsync(Request(HttpMethod.Post, path, token, new StringContent(json, Encoding.UTF8, "application/json")));

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
            return JsonSerializer.Deserialize<T>(body, ProtocolJson.Options)!;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        return request;
    }
}
