using Summarizer.Analysis;

namespace Summarizer.Summarization;

/// <summary>
/// The sentences a greedy method (SumBasic, KL-Sum) may still pick under a summary length, with the sentences of each
/// term: a sentence drops out when it is taken or no longer fits, and each term knows how many live sentences contain
/// it, so a pick costs what it touches rather than a pass over the whole document.
/// </summary>
internal sealed class GreedyCandidates
{
    private readonly Document _document;
    private readonly SummaryLength _length;
    private readonly bool[] _dead;
    private readonly int[] _byWordsDescending;
    private int _nextTooLong;

    public GreedyCandidates(Document document, SummaryLength length)
    {
        _document = document;
        _length = length;
        var sentences = document.Sentences;
        var n = sentences.Count;
        _dead = new bool[n];
        LiveCount = new int[document.Terms.Count];
        var start = new int[document.Terms.Count + 1];
        foreach (var sentence in sentences)
        {
            foreach (var id in sentence.Terms.Ids)
            {
                start[id + 1]++;
                LiveCount[id]++;
            }
        }

        for (var t = 0; t < LiveCount.Length; t++)
        {
            start[t + 1] += start[t];
        }

        var fill = start[..^1];
        var postings = new int[start[^1]];
        for (var i = 0; i < n; i++)
        {
            foreach (var id in sentences[i].Terms.Ids)
            {
                postings[fill[id]++] = i;
            }
        }

        PostingStart = start;
        Postings = postings;
        Live = n;
        _byWordsDescending = Enumerable.Range(0, n).OrderByDescending(i => sentences[i].WordCount).ThenBy(i => i).ToArray();
        if (length.Unit != SummaryLengthUnit.Words && length.SentenceCount(document) <= 0)
        {
            KillAll();
        }
    }

    /// <summary>Live sentences containing each term.</summary>
    public int[] LiveCount { get; }

    /// <summary>The sentences of term t, ascending: <c>Postings[PostingStart[t]..PostingStart[t + 1]]</c>.</summary>
    public int[] PostingStart { get; }

    /// <inheritdoc cref="PostingStart"/>
    public int[] Postings { get; }

    /// <summary>Sentences still to pick from.</summary>
    public int Live { get; private set; }

    /// <summary>Sentences chosen so far.</summary>
    public int Chosen { get; private set; }

    /// <summary>Words in the chosen sentences.</summary>
    public int Words { get; private set; }

    public bool IsLive(int sentence) => !_dead[sentence];

    /// <summary>Takes a sentence, then drops every sentence that no longer fits the length.</summary>
    public void Take(int sentence)
    {
        Kill(sentence);
        Chosen++;
        Words += _document.Sentences[sentence].WordCount;
        if (_length.Unit != SummaryLengthUnit.Words)
        {
            if (Chosen >= _length.SentenceCount(_document))
            {
                KillAll();
            }

            return;
        }

        // Longest first: once the longest live sentence fits, every shorter one does.
        while (_nextTooLong < _byWordsDescending.Length
               && !SentenceSelector.Fits(_document, _length, Chosen, Words, _byWordsDescending[_nextTooLong]))
        {
            Kill(_byWordsDescending[_nextTooLong++]);
        }
    }

    private void KillAll()
    {
        for (var i = 0; i < _dead.Length; i++)
        {
            Kill(i);
        }
    }

    private void Kill(int sentence)
    {
        if (_dead[sentence])
        {
            return;
        }

        _dead[sentence] = true;
        Live--;
        foreach (var id in _document.Sentences[sentence].Terms.Ids)
        {
            LiveCount[id]--;
        }
    }
}
