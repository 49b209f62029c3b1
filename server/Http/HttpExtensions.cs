using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WGEC.Drafting.Contracts;

namespace WGEC.Drafting.Http;

public static class HttpExtensions
{
    public static IServiceCollection AddDraftingHttp(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.ConfigureHttpJsonOptions(options => ProtocolJson.Configure(options.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => Problems.Complete(context.ProblemDetails));
        services.AddExceptionHandler<RefusalExceptionHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddCrossOrigin();
        return services;
    }

    public static WebApplication UseDraftingHttp(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseExceptionHandler();
        app.UseQueryGuard();
        app.UseWebClientAssets();
        app.UseStatusCodePages();
        app.UseCrossOrigin();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    public static IEndpointRouteBuilder MapDraftingHttp(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapWebClient();
        return app;
    }
}

/// <summary>Healthy when the database answers a query.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("the database does not answer", e);
        }
    }
}
