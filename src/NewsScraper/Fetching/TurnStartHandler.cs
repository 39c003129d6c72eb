namespace NewsScraper.Fetching;

/// <summary>
/// The innermost handler of the scraper's HTTP client, inside the resilience pipeline: it tells the request's turn
/// (<see cref="IHostTurn.StartingAsync"/>) that the request goes on the wire now, after whatever the pipeline did before
/// it (building the host's pipeline on first use, waiting a retry), so a gate that times starts from this moment spaces
/// what the host really sees.
/// </summary>
internal sealed class TurnStartHandler : DelegatingHandler
{
    /// <summary>The request option that carries the request's turn.</summary>
    public static readonly HttpRequestOptionsKey<IHostTurn> TurnKey = new("NewsScraper.HostTurn");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(TurnKey, out var turn))
        {
            await turn.StartingAsync(cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
