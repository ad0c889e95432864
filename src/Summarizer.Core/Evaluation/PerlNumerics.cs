using System.Numerics;

namespace Summarizer.Evaluation;

/// <summary>
/// The two pieces of Perl arithmetic ROUGE-1.5.5's numbers depend on: <c>sprintf("%7.5f")</c> rounding (exact binary
/// value, ties to even, as C's printf does) and <c>srand</c>/<c>rand</c> (Perl's built-in 48-bit drand48 generator).
/// </summary>
internal static class PerlNumerics
{
    private const int Decimals = 100_000;

    /// <summary>
    /// <paramref name="value"/> rounded to five decimals as <c>sprintf("%7.5f")</c> does and read back as a number.
    /// </summary>
    public static double Round5(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return double.IsFinite(value) ? 0 : value;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        var scaled = new BigInteger(mantissa) * Decimals;
        BigInteger rounded;
        if (exponent >= 0)
        {
            rounded = scaled << exponent;
        }
        else
        {
            var shift = -exponent;
            rounded = scaled >> shift;
            var remainder = scaled - (rounded << shift);
            var half = BigInteger.One << (shift - 1);
            if (remainder > half || (remainder == half && !rounded.IsEven))
            {
                rounded += 1;
            }
        }

        var result = (double)rounded / Decimals;
        return negative ? -result : result;
    }

    /// <summary>Perl's <c>rand</c> after <c>srand(seed)</c>: the drand48 linear congruential generator.</summary>
    internal struct Drand48
    {
        private const ulong Multiplier = 0x5_DEEC_E66DUL;
        private const ulong Increment = 0xB;
        private const ulong Mask = (1UL << 48) - 1;
        private ulong _state;

        /// <summary>Seeds the generator as Perl's <c>srand(seed)</c>.</summary>
        public Drand48(uint seed) => _state = ((ulong)seed << 16) + 0x330E;

        /// <summary>The next value in [0, 1).</summary>
        public double NextDouble()
        {
            _state = ((_state * Multiplier) + Increment) & Mask;
            return Math.ScaleB(_state, -48);
        }

        /// <summary>Perl's <c>int(rand($n))</c>.</summary>
        public int NextIndex(int count) => (int)(NextDouble() * count);
    }
}
