namespace Summarizer;

/// <summary>
/// A request that cannot be carried out as asked: an unknown method, a bad option value, a provider that is not
/// configured. The message is written for the person who made the request (it names the option or field and says what
/// would be accepted), so hosts show it as it is.
/// </summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the exception from one or more messages, shown one per line.</summary>
    public UserInputException(IReadOnlyList<string> messages)
        : base(string.Join(Environment.NewLine, messages ?? []))
    {
        Messages = messages ?? [];
    }

    /// <summary>Creates the exception from one message.</summary>
    public UserInputException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public UserInputException()
        : this([])
    {
    }

    /// <summary>Creates the exception from one message and its cause.</summary>
    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Messages = [message];
    }

    /// <summary>Each problem, one sentence each.</summary>
    public IReadOnlyList<string> Messages { get; }
}
