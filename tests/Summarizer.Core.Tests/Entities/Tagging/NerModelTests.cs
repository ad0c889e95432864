using Summarizer.Entities.Tagging;

namespace Summarizer.Core.Tests.Entities.Tagging;

public class NerModelTests
{
    private static int Label(string tag) => NerModel.LabelOf(tag);

    [Theory]
    [InlineData("B-PER", "B-LOC")]
    [InlineData("I-PER", "B-ORG")]
    [InlineData("B-ORG", "B-LOC")]
    [InlineData("I-LOC", "B-PER")]
    public void Allowed_AtRunTimeNameRunningIntoANameOfAnotherType_IsNot(string from, string to)
    {
        Assert.False(NerModel.Allowed(Label(from), Label(to), runTime: true));
        Assert.True(NerModel.Allowed(Label(from), Label(to)));
    }

    [Theory]
    [InlineData("B-MISC", "B-PER")]
    [InlineData("B-LOC", "B-MISC")]
    [InlineData("B-PER", "B-PER")]
    [InlineData("I-PER", "I-PER")]
    [InlineData("O", "B-LOC")]
    [InlineData("B-ORG", "O")]
    public void Allowed_AtRunTimeUsualSequences_Are(string from, string to)
    {
        Assert.True(NerModel.Allowed(Label(from), Label(to), runTime: true));
    }

    [Fact]
    public void Allowed_InsideTagWithoutItsBeginning_IsNot()
    {
        Assert.False(NerModel.Allowed(Label("O"), Label("I-PER")));
        Assert.False(NerModel.Allowed(Label("B-ORG"), Label("I-PER"), runTime: true));
    }

    [Fact]
    public void Decode_LowerCaseWordInCasedText_BeginsANameOnlyInTraining()
    {
        // One feature per token, whose weights favour B-PER strongly.
        var features = new int[2 * NerFeatures.MaxPerToken];
        int[] counts = [1, 1];
        var weights = new float[NerModel.L];
        weights[Label("B-PER")] = 5;
        var transitions = new float[(NerModel.L + 1) * NerModel.L];
        string[] tokens = ["frank", "Lavrov"];

        var training = NerModel.Decode(features, counts, 2, weights, transitions, runTime: false, tokens: tokens);
        var runTime = NerModel.Decode(features, counts, 2, weights, transitions, runTime: true, tokens: tokens);

        Assert.Equal([Label("B-PER"), Label("B-PER")], training);
        Assert.Equal([Label("O"), Label("B-PER")], runTime);
    }

    [Fact]
    public void NameStarts_CasedSentence_OnlyCapitalisedWordsAndParticles()
    {
        var starts = NerFeatures.NameStarts(["Blinken", "called", "the", "talks", "frank", ",", "de", "Silva", "said", "2024", "to", "@nytimes", "."]);

        Assert.NotNull(starts);
        Assert.Equal([true, false, false, false, false, false, true, true, false, true, false, true, false], starts);
    }

    [Fact]
    public void NameStarts_LowerCasedSentence_AnyWordMay()
    {
        Assert.Null(NerFeatures.NameStarts(["blinken", "called", "the", "talks", "frank"]));
    }
}
