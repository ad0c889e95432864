using Summarizer.Analysis;
using Summarizer.Core.Tests.TestSupport;
using Summarizer.Entities;

namespace Summarizer.Core.Tests.Entities;

public class EntityRecognizerTests
{
    [Fact]
    public void Default_LoadsEmbeddedModel_FindsPeopleAndPlaces()
    {
        using var stream = typeof(EntityRecognizer).Assembly.GetManifestResourceStream(EntityRecognizer.ModelResourceName);
        Assert.NotNull(stream);

        var found = EntityRecognizer.Default.Recognize("Angela Merkel met Emmanuel Macron in Paris on Monday.");

        Assert.Contains(found, m => m.Type == EntityTypes.Person && m.Text == "Angela Merkel");
        Assert.Contains(found, m => m.Type == EntityTypes.Location && m.Text == "Paris");
        Assert.Contains(found, m => m.Type == EntityTypes.Date && m.Text == "Monday");
    }

    [Fact]
    public void Recognize_SeedArticle_OffsetsMatchTheText()
    {
        var text = Seeds.Read("geneva-talks.txt");

        var found = EntityRecognizer.Default.Recognize(text);

        Assert.True(found.Count >= 20, $"only {found.Count} entities");
        Assert.All(found, m => Assert.Equal(m.Text, text[m.Start..m.End]));
        Assert.Equal(found.OrderBy(m => m.Start).Select(m => m.Start), found.Select(m => m.Start));
    }

    [Fact]
    public void Recognize_SeedArticle_FindsTheMainPeople()
    {
        var found = EntityRecognizer.Default.Recognize(Seeds.Read("geneva-talks.txt"));

        var people = found.Where(m => m.Type == EntityTypes.Person).Select(m => m.Text).ToHashSet();
        Assert.Contains("Antony Blinken", people);
        Assert.Contains("Sergei Lavrov", people);
        Assert.Contains("Blinken", people);
    }

    [Fact]
    public void Recognize_UnicodeBeforeNames_UsesUtf16Offsets()
    {
        const string text = "“Quoted” 😀 remarks: Vladimir Putin spoke in Moscow’s Kremlin.";

        var found = EntityRecognizer.Default.Recognize(text);

        Assert.NotEmpty(found);
        Assert.All(found, m => Assert.Equal(m.Text, text.Substring(m.Start, m.End - m.Start)));
        Assert.Contains(found, m => m.Text == "Moscow");
    }

    [Fact]
    public void Recognize_PossessiveName_LeavesTheApostropheOut()
    {
        const string text = "Blinken said Lavrov's proposal was under study by Joe Biden's team.";

        var found = EntityRecognizer.Default.Recognize(text);

        Assert.Contains(found, m => m.Text == "Joe Biden" && m.Type == EntityTypes.Person);
        Assert.DoesNotContain(found, m => m.Text.EndsWith("'s", StringComparison.Ordinal));
    }

    [Fact]
    public void Recognize_LowerCasedArticle_StillFindsNames()
    {
        var text = Seeds.Read("geneva-talks.txt").ToLowerInvariant();

        var found = EntityRecognizer.Default.Recognize(text);

        Assert.Contains(found, m => m.Type == EntityTypes.Person && m.Text == "sergei lavrov");
        Assert.Contains(found, m => m.Type == EntityTypes.Location && m.Text == "moscow");
    }

    [Fact]
    public void Recognize_Document_MatchesPlainText()
    {
        var text = Seeds.Read("geneva-talks.txt");
        var document = TextAnalyzer.Default.Analyze(text);

        var fromDocument = EntityRecognizer.Default.Recognize(document);
        var fromText = EntityRecognizer.Default.Recognize(text);

        Assert.Equal(fromText, fromDocument);
    }

    [Fact]
    public void Recognize_PlaceNamedFacility_IsOneLocationAndNoPerson()
    {
        var found = EntityRecognizer.Default.Recognize("The Lee Harbour Bridge reopened to cars and cyclists on Saturday morning.");

        Assert.Contains(found, m => m.Type == EntityTypes.Location && m.Text == "Lee Harbour Bridge");
        Assert.DoesNotContain(found, m => m.Type == EntityTypes.Person);
    }

    [Fact]
    public void Recognize_CompanyNamedAfterARegion_IsAnOrganisation()
    {
        const string text = "Nordvik Foods agreed to merge with Baltic Dairy of Riga. Shareholders of Baltic Dairy will receive "
            + "Nordvik shares, and Baltic Dairy founder Juris Ozols will become chairman.";

        var found = EntityRecognizer.Default.Recognize(text);

        var dairy = found.Where(m => m.Text == "Baltic Dairy").ToList();
        Assert.Equal(3, dairy.Count);
        Assert.All(dairy, m => Assert.Equal(EntityTypes.Organization, m.Type));
        Assert.Contains(found, m => m.Type == EntityTypes.Location && m.Text == "Riga");
    }

    [Fact]
    public void Recognize_LowerCaseWordInNormalText_IsNoName()
    {
        var found = EntityRecognizer.Default.Recognize("Blinken described the talks as “frank” and not “polemical”, with Lavrov agreeing.");

        Assert.DoesNotContain(found, m => m.Text.Contains("frank", StringComparison.Ordinal));
        Assert.Contains(found, m => m.Type == EntityTypes.Person && m.Text == "Lavrov");
    }

    [Fact]
    public void Recognize_EmptyText_ReturnsNothing()
    {
        Assert.Empty(EntityRecognizer.Default.Recognize(""));
        Assert.Empty(EntityRecognizer.Default.Recognize("   \n  "));
    }

    [Fact]
    public void Load_NotAModel_ThrowsInvalidData()
    {
        using var stream = new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Throws<InvalidDataException>(() => EntityRecognizer.Load(stream));
    }
}
