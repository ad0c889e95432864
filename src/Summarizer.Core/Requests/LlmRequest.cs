using Summarizer.Llm;

namespace Summarizer.Requests;

/// <summary>
/// Settings a host keeps for its session, between the environment and one request: what a notebook's
/// <c>#!llm-config</c> set. Holds the key in memory only; <see cref="ToString"/> masks it.
/// </summary>
public sealed record LlmDefaults
{
    /// <summary>The provider these settings are for; null leaves the choice to the request and the environment.</summary>
    public LlmProvider? Provider { get; init; }

    /// <summary>Azure resource endpoint, or an OpenAI-compatible base URL including <c>/v1</c>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Model, or deployment for Azure.</summary>
    public string? Model { get; init; }

    /// <summary>The API key (never shown).</summary>
    public string? ApiKey { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"LlmDefaults {{ Provider = {Provider?.ToString() ?? "(none)"}, Endpoint = {Endpoint?.ToString() ?? "(none)"}, Model = {Model ?? "(none)"}, ApiKey = {(ApiKey is null ? "(none)" : Secrets.Mask)} }}";
}

/// <summary>The LLM part of a <see cref="SummarizeRequest"/>: which provider and model, and how to write.</summary>
public sealed record LlmRequest
{
    /// <summary>Provider name as given to <c>--provider</c> (<c>azure</c>, <c>openai</c>); null: the session's, else
    /// Azure when <c>AZURE_OPENAI_ENDPOINT</c> is set, else OpenAI.</summary>
    public string? Provider { get; init; }

    /// <summary>Model, or deployment for Azure; null: the session's, else the environment's.</summary>
    public string? Model { get; init; }

    /// <summary>Endpoint or base URL; null: the session's, else the environment's.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>How summaries are written (style, length, concurrency, cache, retries, prices).</summary>
    public LlmOptions Options { get; init; } = LlmOptions.Default;

    /// <summary>
    /// Where and how to call: the environment, then <paramref name="defaults"/> when they are for the same provider,
    /// then this request's provider, model and endpoint.
    /// </summary>
    /// <exception cref="UserInputException">The provider is unknown or something it needs is missing.</exception>
    public LlmConfiguration ResolveConfiguration(Func<string, string?>? getVariable = null, LlmDefaults? defaults = null)
    {
        var chosen = Provider is null ? defaults?.Provider : LlmProviders.ParseProvider(Provider);
        var config = LlmProviders.FromEnvironment(chosen, getVariable);
        if (defaults is not null && (defaults.Provider is null || defaults.Provider == config.Provider))
        {
            config = config with
            {
                Endpoint = defaults.Endpoint ?? config.Endpoint,
                Model = defaults.Model ?? config.Model,
                ApiKey = defaults.ApiKey ?? config.ApiKey,
            };
        }

        config = config with { Endpoint = Endpoint ?? config.Endpoint, Model = Model ?? config.Model };
        if (config.Missing.Count > 0)
        {
            throw new UserInputException(
                $"The {LlmProviders.NameOf(config.Provider)} LLM provider is not configured; missing: {string.Join(", ", config.Missing)}.");
        }

        return config;
    }

    /// <summary>The summariser options with the resolved model.</summary>
    internal LlmOptions OptionsFor(LlmConfiguration configuration) => Options with { Model = configuration.Model ?? Options.Model };
}
