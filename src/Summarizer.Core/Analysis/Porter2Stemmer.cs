namespace Summarizer.Analysis;

/// <summary>
/// The Snowball English ("Porter2") stemming algorithm in the version Lucene.Net 4.8 ships (with the gener/commun/arsen
/// prefixes and the two exception lists), written for a single pass over a stack buffer: stems are identical to
/// Lucene's <c>EnglishStemmer</c>, which the tests check word by word, without its per-call object state. Vowels are
/// <c>aeiouy</c>; every other character, digits, apostrophes and letters outside a–z included, is a consonant.
/// </summary>
internal static class Porter2Stemmer
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie", ["idly"] = "idl",
        ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos",
        ["bias"] = "bias", ["andes"] = "andes",
    };

    // Words left alone once the plural is gone.
    private static readonly string[] Invariant = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];

    // Suffix tables, longest first within each step: the longest suffix that matches is the only one tried.
    private static readonly (string Suffix, string Replacement)[] Step2Suffixes =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"),
        ("entli", "ent"), ("ation", "ate"), ("alism", "al"), ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"),
        ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"),
        ("bli", "ble"), ("ogi", "og"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Suffixes =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
    [
        "ement", "ment", "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "ism", "ion", "ous", "ant", "ent",
        "al", "er", "ic",
    ];

    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string word)
    {
        if (Exceptions.TryGetValue(word, out var special))
        {
            return special;
        }

        if (word.Length < 3)
        {
            return word;
        }

        var buffer = word.Length <= 64 ? stackalloc char[word.Length + 1] : new char[word.Length + 1];
        word.AsSpan().CopyTo(buffer);
        var w = new Word(buffer, word.Length);
        w.Prelude();
        w.MarkRegions();
        w.Step1A();
        if (!w.IsOneOf(Invariant))
        {
            w.Step1B();
            w.Step1C();
            w.Step2();
            w.Step3();
            w.Step4();
            w.Step5();
        }

        w.Postlude();
        var result = w.Text;
        return result.SequenceEqual(word) ? word : new string(result);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private ref struct Word(Span<char> buffer, int length)
    {
        private readonly Span<char> _buffer = buffer;
        private int _length = length;
        private int _p1;
        private int _p2;
        private bool _yFound;

        public readonly ReadOnlySpan<char> Text => _buffer[.._length];

        public readonly bool IsOneOf(string[] words)
        {
            foreach (var candidate in words)
            {
                if (Text.SequenceEqual(candidate))
                {
                    return true;
                }
            }

            return false;
        }

        // A leading apostrophe goes; y at the start or after a vowel is a consonant, marked Y until the postlude.
        public void Prelude()
        {
            if (_buffer[0] == '\'')
            {
                _buffer[1.._length].CopyTo(_buffer);
                _length--;
            }

            if (_length > 0 && _buffer[0] == 'y')
            {
                _buffer[0] = 'Y';
                _yFound = true;
            }

            for (var i = 1; i < _length; i++)
            {
                if (_buffer[i] == 'y' && IsVowel(_buffer[i - 1]))
                {
                    _buffer[i] = 'Y';
                    _yFound = true;
                }
            }
        }

        // R1 starts after the first non-vowel that follows a vowel (or after gener/commun/arsen); R2 likewise within R1.
        public void MarkRegions()
        {
            _p1 = _length;
            _p2 = _length;
            var text = Text;
            int start;
            if (text.StartsWith("gener") || text.StartsWith("arsen"))
            {
                start = 5;
            }
            else if (text.StartsWith("commun"))
            {
                start = 6;
            }
            else if ((start = AfterVowelThenConsonant(0)) < 0)
            {
                return;
            }

            _p1 = start;
            var second = AfterVowelThenConsonant(start);
            if (second >= 0)
            {
                _p2 = second;
            }
        }

        public void Step1A()
        {
            if (EndsWith("'s'"))
            {
                _length -= 3;
            }
            else if (EndsWith("'s"))
            {
                _length -= 2;
            }
            else if (EndsWith("'"))
            {
                _length--;
            }

            if (EndsWith("sses"))
            {
                _length -= 2;
            }
            else if (EndsWith("ied") || EndsWith("ies"))
            {
                // "ties" -> "tie", "cries" -> "cri"
                var before = _length - 3;
                Replace(3, before >= 2 ? "i" : "ie");
            }
            else if (EndsWith("ss") || EndsWith("us"))
            {
                // kept
            }
            else if (EndsWith("s") && _length >= 2 && HasVowel(_length - 2))
            {
                // A vowel before the letter preceding the s: "gaps" -> "gap", but "gas" and "this" stay.
                _length--;
            }
        }

        public void Step1B()
        {
            int suffix;
            if (EndsWith("eedly") || EndsWith("eed"))
            {
                suffix = EndsWith("eedly") ? 5 : 3;
                if (_length - suffix >= _p1)
                {
                    Replace(suffix, "ee");
                }

                return;
            }

            if (EndsWith("ingly"))
            {
                suffix = 5;
            }
            else if (EndsWith("edly"))
            {
                suffix = 4;
            }
            else if (EndsWith("ing"))
            {
                suffix = 3;
            }
            else if (EndsWith("ed"))
            {
                suffix = 2;
            }
            else
            {
                return;
            }

            if (!HasVowel(_length - suffix))
            {
                return;
            }

            _length -= suffix;
            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                Append('e');
            }
            else if (_length >= 2 && _buffer[_length - 1] == _buffer[_length - 2] && _buffer[_length - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                _length--;
            }
            else if (_length == _p1 && ShortSyllable(_length))
            {
                Append('e');
            }
        }

        // y (or Y) after a consonant that is not the first letter becomes i.
        public void Step1C()
        {
            if (_length >= 3 && _buffer[_length - 1] is 'y' or 'Y' && !IsVowel(_buffer[_length - 2]))
            {
                _buffer[_length - 1] = 'i';
            }
        }

        public void Step2()
        {
            foreach (var (suffix, replacement) in Step2Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                var at = _length - suffix.Length;
                if (at < _p1)
                {
                    return;
                }

                if (suffix == "ogi" && (at == 0 || _buffer[at - 1] != 'l'))
                {
                    return;
                }

                if (suffix == "li" && (at == 0 || _buffer[at - 1] is not ('c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't')))
                {
                    return;
                }

                Replace(suffix.Length, replacement);
                return;
            }
        }

        public void Step3()
        {
            foreach (var (suffix, replacement) in Step3Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                var at = _length - suffix.Length;
                if (at < _p1 || (suffix == "ative" && at < _p2))
                {
                    return;
                }

                Replace(suffix.Length, replacement);
                return;
            }
        }

        public void Step4()
        {
            foreach (var suffix in Step4Suffixes)
            {
                if (!EndsWith(suffix))
                {
                    continue;
                }

                var at = _length - suffix.Length;
                if (at < _p2 || (suffix == "ion" && (at == 0 || _buffer[at - 1] is not ('s' or 't'))))
                {
                    return;
                }

                _length = at;
                return;
            }
        }

        public void Step5()
        {
            if (EndsWith("e"))
            {
                var at = _length - 1;
                if (at >= _p2 || (at >= _p1 && !ShortSyllable(at)))
                {
                    _length = at;
                }
            }
            else if (EndsWith("l"))
            {
                var at = _length - 1;
                if (at >= _p2 && at > 0 && _buffer[at - 1] == 'l')
                {
                    _length = at;
                }
            }
        }

        public readonly void Postlude()
        {
            if (!_yFound)
            {
                return;
            }

            for (var i = 0; i < _length; i++)
            {
                if (_buffer[i] == 'Y')
                {
                    _buffer[i] = 'y';
                }
            }
        }

        private readonly bool EndsWith(string suffix) => Text.EndsWith(suffix);

        // Whether buffer[..end) has a vowel.
        private readonly bool HasVowel(int end)
        {
            for (var i = 0; i < end; i++)
            {
                if (IsVowel(_buffer[i]))
                {
                    return true;
                }
            }

            return false;
        }

        // The position after the first consonant that follows a vowel, searching from start; -1 when there is none.
        private readonly int AfterVowelThenConsonant(int start)
        {
            var i = start;
            while (i < _length && !IsVowel(_buffer[i]))
            {
                i++;
            }

            i++;
            while (i < _length && IsVowel(_buffer[i]))
            {
                i++;
            }

            return i < _length ? i + 1 : -1;
        }

        // A short syllable ends at end: consonant (not w, x or Y), vowel, consonant; or, at the start, vowel, consonant.
        private readonly bool ShortSyllable(int end)
        {
            if (end >= 3 && _buffer[end - 1] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' or 'x' or 'Y')
                && IsVowel(_buffer[end - 2]) && !IsVowel(_buffer[end - 3]))
            {
                return true;
            }

            return end == 2 && !IsVowel(_buffer[1]) && IsVowel(_buffer[0]);
        }

        private void Replace(int suffixLength, string replacement)
        {
            _length -= suffixLength;
            replacement.AsSpan().CopyTo(_buffer[_length..]);
            _length += replacement.Length;
        }

        private void Append(char c) => _buffer[_length++] = c;
    }
}
