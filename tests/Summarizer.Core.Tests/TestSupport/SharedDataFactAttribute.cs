namespace Summarizer.Core.Tests.TestSupport;

/// <summary>
/// A fact that needs the measurement data in <c>../shared/data</c> (beside the clone). Without it the test is skipped
/// with a message saying what is missing, so a fresh clone builds and passes on its own.
/// </summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relativePath)
    {
        var root = Seeds.SharedData;
        if (root is null || !Path.Exists(Path.Combine(root, relativePath)))
        {
            Skip = $"Needs ../shared/data/{relativePath} beside the repository; it is not present here.";
        }
    }
}
