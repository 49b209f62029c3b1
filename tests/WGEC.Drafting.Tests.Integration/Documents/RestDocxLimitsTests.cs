using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Tests.Infrastructure;
using static WGEC.Drafting.Tests.Documents.Creating.DocxFiles;

namespace WGEC.Drafting.Tests.Documents;

/// <summary>The app with a Word upload limit of 64 KiB (<c>Drafting:ImportMaxBytes</c>), so that going over it is cheap.</summary>
public sealed class SmallUploadApp : DraftingApp
{
    public const int Limit = 64 * 1024;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Drafting:ImportMaxBytes"] = $"{Limit}" };
}

/// <summary>An upload over the byte limit is refused with too-large before the server reads it (PROTOCOL.md §4, §5).</summary>
public sealed class RestDocxLimitsTests(SmallUploadApp app) : IClassFixture<SmallUploadApp>
{
    [Fact]
    public async Task A_declared_length_over_the_limit_is_refused_before_the_body_is_sent()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var before = await chair.Api.DocumentsAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        var stream = tcp.GetStream();

        // Declares 20 MB, sends 4 KB and waits: only a server that answers on the declared length can reply now.
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /api/documents HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nAuthorization: Bearer {chair.Api.Token}\r\n" +
            "Content-Type: multipart/form-data; boundary=wgec\r\nContent-Length: 20000000\r\n\r\n"));
        await stream.WriteAsync(new byte[4096]);
        var answer = await ReadAnswerAsync(stream, TimeSpan.FromSeconds(10));

        Assert.StartsWith("HTTP/1.1 413", answer, StringComparison.Ordinal);
        Assert.Contains("application/problem+json", answer, StringComparison.Ordinal);
        Assert.Contains("/too-large", answer, StringComparison.Ordinal);
        Assert.Equal(before, await chair.Api.DocumentsAsync());
    }

    [Fact]
    public async Task A_body_without_a_length_is_cut_off_at_the_limit()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var before = await chair.Api.DocumentsAsync();
        // 256 MiB, made as it is sent and sent chunked: far more than any buffer between client and server holds.
        var endless = new CountingStream(256L * 1024 * 1024);
        var form = new MultipartFormDataContent { { new StringContent("report"), "kind" }, { new StringContent("Big"), "title" }, { new StreamContent(endless), "file", "big.docx" } };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/documents", UriKind.Relative)) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chair.Api.Token);

        try
        {
            await Problem.AssertAsync(await app.Api().Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "too-large");
        }
        catch (HttpRequestException)
        {
            // The server may close the connection while the client is still sending: that is a refusal too.
        }

        Assert.True(endless.Sent < 16L * 1024 * 1024, $"the client could send {endless.Sent:N0} bytes");
        Assert.Equal(before, await chair.Api.DocumentsAsync());
    }

    [Fact]
    public async Task A_body_without_a_length_a_little_over_the_limit_is_too_large()
    {
        var chair = await app.JoinAsync(Role.Chair);
        var before = await chair.Api.DocumentsAsync();
        // Small enough to be all sent before the server answers, so the answer can be read.
        var file = new StreamContent(new CountingStream(SmallUploadApp.Limit + 10_000));
        var form = new MultipartFormDataContent { { new StringContent("report"), "kind" }, { new StringContent("Big"), "title" }, { file, "file", "big.docx" } };
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/documents", UriKind.Relative)) { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chair.Api.Token);

        await Problem.AssertAsync(await app.Api().Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "too-large");

        Assert.Equal(before, await chair.Api.DocumentsAsync());
    }

    [Fact]
    public async Task An_upload_under_the_limit_is_accepted()
    {
        var chair = await app.JoinAsync(Role.Chair);

        var created = await chair.Api.CreateDocumentFromDocxAsync(new MemoryStream(Word(P("Small."))), DocumentKind.Report, "Small");

        Assert.Equal(["Small."], created.Paragraphs.Select(p => p.Text));
    }

    /// <summary>Reads until the problem's body has come (or the server closes), at most <paramref name="timeout"/>.</summary>
    private static async Task<string> ReadAnswerAsync(NetworkStream stream, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains('}', StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, cancel.Token);
            if (read == 0)
                break;
            answer.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }
        return answer.ToString();
    }

    /// <summary>Zero bytes up to <c>length</c>, made as they are read, with no length to announce; counts what was taken.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Sent { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Sent; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - Sent);
            Array.Clear(buffer, offset, read);
            Sent += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
