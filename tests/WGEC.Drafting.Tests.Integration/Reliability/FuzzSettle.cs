using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace WGEC.Drafting.Tests.Reliability;

/// <summary>
/// A full, blocking garbage collection in another .NET process, induced as dotnet-gcdump does it: an EventPipe
/// session that turns on the runtime provider's GCHeapCollect keyword, over the process's diagnostics socket
/// (the Diagnostic IPC Protocol of dotnet/diagnostics). The runtime collects while it enables the provider, before
/// it answers, so the collection is over when the answer comes. Then the memory that is left is what the server keeps.
/// </summary>
internal static class FuzzSettle
{
    private const string Runtime = "Microsoft-Windows-DotNETRuntime";
    private const ulong GcHeapCollect = 0x800000;
    private const byte EventPipe = 0x02, StopTracing = 0x01, CollectTracing2 = 0x03;

    public static async Task CollectAsync(int processId)
    {
        // The newest: a process killed earlier with the same id (ids are reused) can have left its socket behind.
        var socket = Directory.GetFiles(Path.GetTempPath(), $"dotnet-diagnostic-{processId}-*-socket").OrderByDescending(File.GetLastWriteTimeUtc).First();
        using var session = await ConnectAsync(socket);
        await SendAsync(session, CollectTracing2, CollectPayload());
        var sessionId = BinaryPrimitives.ReadUInt64LittleEndian(await ReadOkAsync(session));
        // The trace stream is read (and dropped) while the session stops: its rundown would fill the socket and stall the stop.
        var drained = DrainAsync(session);
        using (var stop = await ConnectAsync(socket))
        {
            await SendAsync(stop, StopTracing, BitConverter.GetBytes(sessionId));
            await ReadOkAsync(stop);
        }
        await drained;
    }

    private static async Task DrainAsync(Socket session)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sink = new byte[64 * 1024];
        while (await session.ReceiveAsync(sink, timeout.Token) > 0)
        {
        }
    }

    private static async Task<Socket> ConnectAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    /// <summary>One provider, the runtime's, with GCHeapCollect at level Informational; a 1 MB buffer, nettrace format, no rundown.</summary>
    private static byte[] CollectPayload()
    {
        var name = Encoding.Unicode.GetBytes(Runtime + "\0");
        var payload = new byte[4 + 4 + 1 + 4 + 8 + 4 + 4 + name.Length + 4];
        var span = payload.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 1);            // circularBufferMB
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], 1);       // format: nettrace
        span[8] = 0;                                                  // requestRundown: no
        BinaryPrimitives.WriteUInt32LittleEndian(span[9..], 1);       // one provider
        BinaryPrimitives.WriteUInt64LittleEndian(span[13..], GcHeapCollect);
        BinaryPrimitives.WriteUInt32LittleEndian(span[21..], 4);      // level: informational
        BinaryPrimitives.WriteUInt32LittleEndian(span[25..], (uint)(name.Length / 2));
        name.CopyTo(span[29..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(29 + name.Length)..], 0); // no filter data
        return payload;
    }

    private static async Task SendAsync(Socket socket, byte command, byte[] payload)
    {
        var message = new byte[20 + payload.Length];
        "DOTNET_IPC_V1\0"u8.CopyTo(message);
        BinaryPrimitives.WriteUInt16LittleEndian(message.AsSpan(14), (ushort)message.Length);
        message[16] = EventPipe;
        message[17] = command;
        payload.CopyTo(message, 20);
        await socket.SendAsync(message);
    }

    /// <summary>The answer's payload, after checking its header says OK (command set 0xFF, id 0x00).</summary>
    private static async Task<byte[]> ReadOkAsync(Socket socket)
    {
        var header = await ReadExactlyAsync(socket, 20);
        var payload = await ReadExactlyAsync(socket, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(14)) - 20);
        if (header[16] != 0xFF || header[17] != 0x00)
            throw new IOException($"the runtime refused the diagnostics command: 0x{header[16]:X2}{header[17]:X2}, {Convert.ToHexString(payload)}");
        return payload;
    }

    private static async Task<byte[]> ReadExactlyAsync(Socket socket, int length)
    {
        var bytes = new byte[length];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var read = 0; read < length;)
        {
            var n = await socket.ReceiveAsync(bytes.AsMemory(read), timeout.Token);
            if (n == 0)
                throw new IOException("the diagnostics socket closed before its answer");
            read += n;
        }
        return bytes;
    }
}
