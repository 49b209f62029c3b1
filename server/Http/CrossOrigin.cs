namespace WGEC.Drafting.Http;

/// <summary>
/// Cross-origin calls are refused (no CORS headers at all) unless <c>Drafting:CorsOrigins</c> names the
/// origins of other web clients that may call the API and the hub, e.g. a delegation's own portal.
/// </summary>
public static class CrossOrigin
{
    public const string Key = "Drafting:CorsOrigins";

    /// <summary>The configured origins: an array (<c>Drafting:CorsOrigins:0</c> …) or one value separated by commas or spaces.</summary>
    public static string[] Origins(IConfiguration config)
    {
        var section = config.GetSection(Key);
        var listed = section.Value is { } one ? one.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : section.Get<string[]>() ?? [];
        return [.. listed.Select(o => o.TrimEnd('/'))];
    }

    public static IServiceCollection AddCrossOrigin(this IServiceCollection services) =>
        services.AddCors().AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IConfiguration>((options, config) => options.AddDefaultPolicy(policy => policy
                .WithOrigins(Origins(config))
                .WithMethods("GET", "POST", "DELETE")
                .AllowAnyHeader()
                .WithExposedHeaders("Content-Disposition", "Location")
                // The SignalR client sends credentials on negotiate; the token itself travels as a bearer.
                .AllowCredentials()))
            .Services;

    public static WebApplication UseCrossOrigin(this WebApplication app)
    {
        if (Origins(app.Configuration).Length > 0)
            app.UseCors();
        return app;
    }
}
