using Microsoft.Extensions.Time.Testing;
using NewsScraper.Fetching;

namespace NewsScraper.Tests.Fetching;

/// <summary>The per-host gate, on a fake clock: waiting is simulated, so the tests take no time.</summary>
public sealed class HostPolitenessTests
{
    private static readonly Uri Page = new("https://news.example.com/a");

    [Test]
    public async Task EnterAsync_SecondRequest_WaitsTheMinimumDelay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        using var politeness = new HostPoliteness(time);

        await using (await politeness.EnterAsync(Page, 2, TimeSpan.FromSeconds(5), CancellationToken.None))
        {
        }

        var second = politeness.EnterAsync(Page, 2, TimeSpan.FromSeconds(5), CancellationToken.None);
        var otherHost = politeness.EnterAsync(new Uri("https://other.example.org/b"), 2, TimeSpan.FromSeconds(5), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        var stillWaiting = !second.IsCompleted;
        time.Advance(TimeSpan.FromSeconds(1));
        await (await second).DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillWaiting, Is.True, "four seconds are not enough");
            Assert.That(otherHost.IsCompletedSuccessfully, Is.True, "another host does not wait");
        }

        await (await otherHost).DisposeAsync();
    }

    [Test]
    public async Task EnterAsync_ConcurrencyLimit_HoldsTheThirdUntilOneEnds()
    {
        using var politeness = new HostPoliteness(new FakeTimeProvider());
        var first = await politeness.EnterAsync(Page, 2, TimeSpan.Zero, CancellationToken.None);
        var second = await politeness.EnterAsync(Page, 2, TimeSpan.Zero, CancellationToken.None);

        var third = politeness.EnterAsync(Page, 2, TimeSpan.Zero, CancellationToken.None);
        var heldBack = !third.IsCompleted;
        await first.DisposeAsync();
        await (await third).DisposeAsync();
        await second.DisposeAsync();

        Assert.That(heldBack, Is.True);
    }

    [Test]
    public void EnterAsync_Cancelled_GivesBackNothingAndThrows()
    {
        using var politeness = new HostPoliteness(new FakeTimeProvider());
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAsync<TaskCanceledException>(() => politeness.EnterAsync(Page, 1, TimeSpan.Zero, cancel.Token));
    }
}
