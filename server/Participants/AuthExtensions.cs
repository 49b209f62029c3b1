using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using WGEC.Drafting.Contracts;
using WGEC.Drafting.Documents;
using WGEC.Drafting.Http;

namespace WGEC.Drafting.Participants;

public static class AuthExtensions
{
    public static IServiceCollection AddDraftingParticipants(this IServiceCollection services)
    {
        services.AddSingleton<SigningKey>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<ParticipantDirectory>();
        services.AddSingleton<CurrentParticipant>();
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<SecretariatBootstrap>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKey, ParticipantDirectory>((options, key, directory) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenIssuer.Issuer,
                    ValidAudience = TokenIssuer.Issuer,
                    IssuerSigningKeyResolver = (_, _, _, _) => [key.Key],
                    ClockSkew = TimeSpan.Zero,
                    NameClaimType = "name",
                    RoleClaimType = "role",
                };
                options.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets/SSE: the hub takes the token from the query string.
                    OnMessageReceived = context =>
                    {
                        if (context.HttpContext.Request.Path.StartsWithSegments(HubPaths.Drafting)
                            && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                            context.Token = token;
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = async context =>
                    {
                        if (TokenIssuer.ParticipantId(context.Principal) is not { } id || !await directory.IsActiveAsync(id))
                            context.Fail("revoked");
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await Problems.WriteAsync(context.HttpContext, new Refusal(ErrorCode.Unauthorized,
                            context.AuthenticateFailure is null ? "sign in first: no bearer token" : "the token is invalid, expired or revoked"));
                    },
                };
            });
        services.AddAuthorization();
        return services;
    }
}
