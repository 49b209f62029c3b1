using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents.Writing;

namespace WGEC.Drafting.Collaboration;

public static class CollaborationExtensions
{
    /// <summary>The hub accepts messages up to 256 KB, so an oversized text gets <c>too-large</c>, not a dropped connection.</summary>
    public const long MaxMessageBytes = 256 * 1024;

    private static readonly string[] UrlLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];

    public static IServiceCollection AddDraftingCollaboration(this IServiceCollection services, IConfiguration config)
    {
        services.AddSignalR(options =>
            {
                options.MaximumReceiveMessageSize = MaxMessageBytes;
                options.AddFilter<HubGuard>();
            })
            .AddJsonProtocol(options =>
            {
                ProtocolJson.Configure(options.PayloadSerializerOptions);
                options.PayloadSerializerOptions.Converters.Add(new LoneSurrogateStringConverter());
            })
            .AddDraftingScaleOut(config);
        // Tokens travel in the hub's query string (browsers cannot set headers on WebSockets):
        // the categories that log request URLs stay at Warning whatever the configuration says.
        services.AddLogging(logging =>
        {
            foreach (var category in UrlLoggingCategories)
                logging.AddFilter(category, LogLevel.Warning);
        });
        // Same name as the JSON protocol it wraps: the last one registered is the one used.
        services.AddSingleton<IHubProtocol, CodedJsonHubProtocol>();
        services.AddSingleton<HubGuard>();
        services.AddSingleton<Connections>();
        services.AddSingleton<Broadcaster>();
        services.AddSingleton<ICommittedEvents>(sp => sp.GetRequiredService<Broadcaster>());
        services.AddSingleton<PresenceTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceTracker>());
        services.AddHostedService<RevocationSweep>();
        return services;
    }

    public static IEndpointRouteBuilder MapCollaboration(this IEndpointRouteBuilder app)
    {
        // An expired token closes the connection; the client reconnects with a refreshed one.
        app.MapHub<DraftingHub>(HubPaths.Drafting, options => options.CloseOnAuthenticationExpiration = true);
        // Anonymous and useless to a user: only on when someone measures (the load tool), never by default.
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue("Drafting:Diagnostics", false))
            app.MapHub<EchoHub>(EchoHub.Path);
        return app;
    }
}
