namespace NewsScraper.Benchmarks;

/// <summary>The run's settings, shared with the benchmark class (BenchmarkDotNet creates it).</summary>
public static class RunSettings
{
    /// <summary>Gets or sets the corpora folder.</summary>
    public static string CorporaRoot { get; set; } = CorpusPages.DefaultRoot;

    /// <summary>Gets or sets the corpora to run, or <see langword="null"/> for all.</summary>
    public static IReadOnlyList<string>? Only { get; set; }

    /// <summary>Gets the corpora of the run.</summary>
    public static IReadOnlyList<string> SelectedCorpora =>
        [.. CorpusPages.Names(CorporaRoot).Where(n => Only is null || Only.Contains(n))];
}
