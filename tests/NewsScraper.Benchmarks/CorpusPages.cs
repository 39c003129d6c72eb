namespace NewsScraper.Benchmarks;

/// <summary>A saved page of a corpus: its bytes (gzip undone) and its URL.</summary>
internal sealed record CorpusPage(string Corpus, string Id, Uri Url, byte[] Bytes);

/// <summary>The pages of the corpora, read once into memory through the evaluation tool's corpus reader.</summary>
internal static class CorpusPages
{
    public static string DefaultRoot => Evaluation.Corpus.DefaultRoot;

    public static IReadOnlyList<string> Names(string root) => Evaluation.Corpus.Names(root);

    /// <summary>The corpus's pages in gold order, at most <paramref name="limit"/>.</summary>
    public static List<CorpusPage> Load(string root, string corpus, int? limit = null) =>
        [.. Evaluation.Corpus.Load(Path.Combine(root, corpus), limit).Select(p => new CorpusPage(corpus, p.Id, p.Address, p.ReadBytes()))];
}
