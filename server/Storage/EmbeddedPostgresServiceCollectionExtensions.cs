using Microsoft.Extensions.DependencyInjection;

namespace WGEC.Drafting.Storage;

public static class EmbeddedPostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers an already created (typically already started) embedded cluster and the hosted
    /// service that stops it on shutdown. Call before registering the services that use the database.
    /// </summary>
    public static IServiceCollection AddEmbeddedPostgres(this IServiceCollection services, EmbeddedPostgres postgres)
    {
        services.AddSingleton(postgres);
        services.AddHostedService<EmbeddedPostgresHostedService>();
        return services;
    }
}
