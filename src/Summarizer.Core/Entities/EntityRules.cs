using System.Text.RegularExpressions;

namespace Summarizer.Entities;

/// <summary>
/// Rule-based DATE, TIME, MONEY, PERCENT, QUANTITY and NUMBER expressions. Earlier kinds win overlaps (an amount of
/// pounds is MONEY, not a weight).
/// </summary>
internal static partial class EntityRules
{
    private const string Month =
        @"(?:jan(?:uary)?|feb(?:ruary)?|(?-i:Mar(?:ch)?)|mar\.|apr(?:il)?|(?-i:May)|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

    private const string Num = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    private const string Scale = @"(?:\s?(?:million|billion|trillion|thousand|mln|bln|bn|m|k)\b)?";

    private const string Day = @"\d{1,2}(?:st|nd|rd|th)?";

    [GeneratedRegex(@"(?:US\$|C\$|A\$|HK\$|NZ\$|[$£€¥])\s?(?:" + Num + ")" + Scale
        + @"|\b(?:" + Num + @")(?:\s(?:million|billion|trillion|thousand))?\s(?:dollars|euros?|pounds(?: sterling)?|yen|yuan|rupees|francs|marks|pence|cents|roubles|rubles|pesos|dinars|riyals|usd|eur|gbp)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"(?<![\w.])(?:" + Num + @")\s?(?:%|per\s?cent\b|percent\b|percentage points?\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"\b(?:" + Month + @"\s" + Day + @"(?:,?\s\d{4})?|" + Day + @"\s(?:of\s)?" + Month + @"(?:,?\s\d{4})?|"
        + Month + @"\s\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}"
        + @"|(?:(?:last|next|this)\s)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s(?:morning|afternoon|evening|night))?"
        + @"|(?:jan|febr)uary|april|june|july|august|(?:sept|octo|nove|dece)mber|(?-i:March|May)"
        + @"|yesterday|today|tomorrow|tonight|(?:last|next|this|earlier this|later this)\s(?:week|month|year|weekend|decade|century)"
        + @"|(?<=\b(?:in|since|during|by|until|before|after|from|of|to)\s)(?:1[6-9]\d\d|20\d\d)s?|(?:1[6-9]|20)\d0s)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(?:\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\d{1,2}:\d{2}(?:\s?(?:gmt|utc|bst|est|edt|pst|et|cet)\b)?|noon\b|midnight\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(?<![\w.$£€¥])(?:" + Num + @")(?:\s(?:million|billion|thousand))?[\s-]?(?:km|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|m|cm|mm|kg|kilos?|kilograms?|grams?|g|tonnes?|tons?|lbs?|feet|foot|ft|inch(?:es)?|acres?|hectares?|ha|lit(?:re|er)s?|gallons?|barrels?|bpd|mph|km/h|kph|knots|degrees?|°[CF]?|square\s(?:miles|kilomet(?:re|er)s|met(?:re|er)s|feet)|sq\s?km|mw|gw|kw|kwh|mb|gb|tb|calories|years?\s(?:old)|people|soldiers|troops)(?![\w])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QuantityPattern();

    [GeneratedRegex(@"(?<![\w.,:])(?:" + Num + @")(?:\s(?:million|billion|trillion|thousand))?(?![\w]|[.,:]\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    internal static List<EntityMention> Find(string text, bool includeNumbers)
    {
        var found = new List<EntityMention>();
        Collect(MoneyPattern(), EntityTypes.Money);
        Collect(PercentPattern(), EntityTypes.Percent);
        Collect(TimePattern(), EntityTypes.Time);
        Collect(DatePattern(), EntityTypes.Date);
        Collect(QuantityPattern(), EntityTypes.Quantity);
        if (includeNumbers)
        {
            Collect(NumberPattern(), EntityTypes.Number);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;

        void Collect(Regex regex, string type)
        {
            foreach (Match m in regex.Matches(text))
            {
                var start = m.Index;
                var end = m.Index + m.Length;
                if (m.Length > 0 && !found.Any(f => f.Start < end && start < f.End))
                {
                    found.Add(new EntityMention(m.Value, type, start, end));
                }
            }
        }
    }
}
