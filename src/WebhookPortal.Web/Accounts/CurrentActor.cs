using Microsoft.AspNetCore.Components.Authorization;
using WebhookPortal.Core.Accounts;

namespace WebhookPortal.Web.Accounts;

/// <summary>The signed-in person on a page, as the services take it.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetAsync() => (await authentication.GetAuthenticationStateAsync()).User.ToActor();
}
