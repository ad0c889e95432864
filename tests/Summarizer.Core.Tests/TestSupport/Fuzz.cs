using CsCheck;

namespace Summarizer.Core.Tests.TestSupport;

/// <summary>
/// Bounded fuzzing with a fixed seed: every run draws the same inputs from a generator, so a failure in CI is the same
/// failure on a developer's machine, and the count bounds the time. A failing input is reported by its index and a
/// preview.
/// </summary>
internal static class Fuzz
{
    /// <summary>The seed of every fuzz run.</summary>
    public const ulong Seed = 20_250_601;

    /// <summary>Tokens joined into text: markup, punctuation, awkward Unicode and plain words.</summary>
    public static Gen<string> Soup(string[] tokens, int maxTokens) =>
        Gen.OneOf(tokens).Array[0, maxTokens].Select(string.Concat);

    public static void Check<T>(Gen<T> gen, int count, Action<T> assert)
    {
        var i = 0;
        foreach (var input in Inputs(gen, count))
        {
            try
            {
                assert(input);
            }
            catch (Exception ex)
            {
                throw new FuzzFailure(i, count, input, ex);
            }

            i++;
        }
    }

    public static async Task CheckAsync<T>(Gen<T> gen, int count, Func<T, int, Task> assert)
    {
        var i = 0;
        foreach (var input in Inputs(gen, count))
        {
            try
            {
                await assert(input, i);
            }
            catch (Exception ex)
            {
                throw new FuzzFailure(i, count, input, ex);
            }

            i++;
        }
    }

    private static IEnumerable<T> Inputs<T>(Gen<T> gen, int count)
    {
        var pcg = new PCG(1, Seed);
        for (var i = 0; i < count; i++)
        {
            yield return gen.Generate(pcg, null, out _);
        }
    }

    private sealed class FuzzFailure(int index, int count, object? input, Exception inner)
        : Exception($"Fuzz input {index} of {count} (seed {Seed}) failed: {inner.Message}\nInput: {Preview(input)}", inner)
    {
        private static string Preview(object? input)
        {
            var text = Show(input);
            return text.Length > 2_000 ? text[..2_000] + "…" : text;
        }

        private static string Show(object? input) => input switch
        {
            string s => System.Text.Json.JsonSerializer.Serialize(s),
            byte[] b => Convert.ToHexString(b.AsSpan(0, Math.Min(b.Length, 512))),
            System.Runtime.CompilerServices.ITuple t => "(" + string.Join(", ", Enumerable.Range(0, t.Length).Select(i => Show(t[i]))) + ")",
            System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object?>().Select(Show)) + "]",
            _ => input?.ToString() ?? "null",
        };
    }
}
