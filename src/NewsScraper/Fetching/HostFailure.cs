using Polly;
using Polly.Timeout;

namespace NewsScraper.Fetching;

/// <summary>
/// What says a host is failing, for the circuit breaker of the HTTP pipeline and for the host gate's turns: a 5xx or 408
/// answer, a connection failure, a timeout. A 404, a 429 (the host is up and asks for patience), a page too large or not
/// HTML, a redirect loop or a robots.txt refusal says nothing about the host's health.
/// </summary>
internal static class HostFailure
{
    /// <summary>Whether a request's final outcome says the host is failing.</summary>
    public static bool Is(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsStatus((int)response.StatusCode),
        _ => false,
    };

    /// <summary>Whether an answer's status says the host is failing: a 5xx or a 408.</summary>
    public static bool IsStatus(int status) => status is >= 500 or 408;
}
