using OpenTelemetry.Metrics;

namespace WGEC.Drafting.Operations;

public static class OperationsExtensions
{
    public static IServiceCollection AddDraftingOperations(this IServiceCollection services)
    {
        services.AddSingleton<DraftingMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(DraftingMetrics.MeterName)
            // Kestrel's and SignalR's own: requests, connections, WebSocket upgrades.
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections")
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary><c>GET /metrics</c>, the Prometheus text format; like <c>/health</c>, for the operator's scraper, without a token.</summary>
    public static IEndpointRouteBuilder MapDraftingOperations(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new HttpMethodMetadata([HttpMethods.Get])).ExcludeFromDescription();
        return app;
    }
}
