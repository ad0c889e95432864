namespace Summarizer.Llm;

/// <summary>A chat call failed. The message never contains a key; <see cref="Status"/> is the HTTP status when there was one.</summary>
public sealed class LlmRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LlmRequestException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LlmRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception; <paramref name="innerException"/> must not carry secrets.</summary>
    public LlmRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with what retrying needs to know.</summary>
    public LlmRequestException(string message, int? status, TimeSpan? retryAfter, bool isTransient)
        : base(message)
    {
        Status = status;
        RetryAfter = retryAfter;
        IsTransient = isTransient;
    }

    /// <summary>The HTTP status, when the server answered.</summary>
    public int? Status { get; }

    /// <summary>The server's <c>Retry-After</c>, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when trying again may work (throttling, server errors, dropped connections).</summary>
    public bool IsTransient { get; }
}
