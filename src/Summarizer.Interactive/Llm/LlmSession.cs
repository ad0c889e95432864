using Summarizer.Llm;
using Summarizer.Requests;

namespace Summarizer.Interactive.Llm;

/// <summary>
/// The LLM settings of one notebook: what <c>#!llm-config</c> set, over what the environment gives. Holds the key in
/// memory only; nothing here is ever displayed except through <see cref="LlmConfiguration.ToString"/>, which masks it.
/// </summary>
internal sealed class LlmSession
{
    /// <summary>Where environment variables come from (tests replace it).</summary>
    public Func<string, string?> GetVariable { get; set; } = Environment.GetEnvironmentVariable;

    public LlmProvider? Provider { get; set; }

    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The session's settings as Core takes them, between the environment and a request.</summary>
    public LlmDefaults Defaults => new() { Provider = Provider, Endpoint = Endpoint, Model = Model, ApiKey = ApiKey };

    /// <summary>The configuration a request without provider settings of its own would use.</summary>
    /// <exception cref="UserInputException">The provider is not configured.</exception>
    public LlmConfiguration Resolve(string? provider = null) =>
        new LlmRequest { Provider = provider }.ResolveConfiguration(GetVariable, Defaults);

    /// <summary>What a notebook user can do when a provider is not configured.</summary>
    public const string Hint = "Set the environment variables or run #!llm-config; #!llm-providers shows what is set.";

    /// <summary>The providers table rows: the environment's view with the session's settings applied.</summary>
    public IReadOnlyList<ProviderStatus> Describe()
    {
        var statuses = LlmProviders.Describe(GetVariable, Model);
        if (Provider is null && Endpoint is null && ApiKey is null)
        {
            return statuses;
        }

        return statuses.Select(s =>
        {
            var provider = LlmProviders.ParseProvider(s.Name);
            if (Provider is not null && Provider != provider)
            {
                return s;
            }

            LlmConfiguration config;
            try
            {
                config = Resolve(s.Name);
            }
            catch (UserInputException)
            {
                try
                {
                    config = LlmProviders.FromEnvironment(provider, GetVariable) with
                    {
                        Endpoint = Endpoint,
                        Model = Model,
                        ApiKey = ApiKey,
                    };
                }
                catch (UserInputException)
                {
                    return s;
                }
            }

            var settings = new List<ProviderSetting>
            {
                new("endpoint (#!llm-config)", config.Endpoint?.ToString() ?? "not set", false),
                new("model (#!llm-config)", config.Model ?? "not set", false),
                new("API key (#!llm-config)", config.HasApiKey ? "set" : "not set", true),
            };
            return s with { IsConfigured = config.Missing.Count == 0, Settings = settings, Missing = config.Missing };
        }).ToArray();
    }

    /// <summary>True when calls to <paramref name="provider"/> need a key that neither the session nor the environment has.</summary>
    public bool NeedsKey(LlmProvider provider)
    {
        if (ApiKey is not null)
        {
            return false;
        }

        var env = LlmProviders.FromEnvironment(provider, GetVariable);
        if (env.HasApiKey || provider == LlmProvider.Azure)
        {
            // Azure without a key uses Entra ID.
            return false;
        }

        var endpoint = Endpoint ?? env.Endpoint;
        return endpoint is null || endpoint.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);
    }
}
