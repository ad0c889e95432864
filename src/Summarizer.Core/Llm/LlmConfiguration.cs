using System.Text;

namespace Summarizer.Llm;

/// <summary>Which service answers chat requests.</summary>
public enum LlmProvider
{
    /// <summary>Azure OpenAI: endpoint + deployment, API key or Entra ID.</summary>
    Azure,

    /// <summary>OpenAI, or any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) through a base URL.</summary>
    OpenAI,
}

/// <summary>
/// Where and how to reach a chat model. <see cref="ToString"/> never shows the key, so the object is safe to print,
/// log or display.
/// </summary>
public sealed record LlmConfiguration
{
    /// <summary>The service kind.</summary>
    public required LlmProvider Provider { get; init; }

    /// <summary>
    /// Azure: the resource endpoint (<c>https://name.openai.azure.com/</c>). OpenAI: the base URL including <c>/v1</c>;
    /// null means <c>https://api.openai.com/v1</c>.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The API key. Null for Azure means Entra ID (<c>DefaultAzureCredential</c>); local servers accept any.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Model name (OpenAI) or deployment name (Azure).</summary>
    public string? Model { get; init; }

    /// <summary>Azure only: use Entra ID even when a key is present.</summary>
    public bool UseEntraId { get; init; }

    /// <summary>
    /// Largest HTTP response body read from the service; a longer one fails its request unread, so a runaway server
    /// cannot fill memory before <see cref="LlmOptions.MaxResponseChars"/> is checked. Default 16 MB, far above any
    /// chat answer.
    /// </summary>
    public long MaxResponseBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>True when a key is set (the key itself is never shown).</summary>
    public bool HasApiKey => !string.IsNullOrEmpty(ApiKey);

    /// <summary>What still has to be set before a call can work (variable names), empty when complete.</summary>
    public IReadOnlyList<string> Missing
    {
        get
        {
            var missing = new List<string>();
            if (Provider == LlmProvider.Azure)
            {
                if (Endpoint is null)
                {
                    missing.Add(LlmProviders.AzureEndpointVariable);
                }

                if (string.IsNullOrWhiteSpace(Model))
                {
                    missing.Add(LlmProviders.AzureDeploymentVariable);
                }
            }
            else
            {
                if (!HasApiKey && (Endpoint is null || LlmProviders.IsOpenAIHost(Endpoint)))
                {
                    missing.Add(LlmProviders.OpenAIKeyVariable);
                }

                if (string.IsNullOrWhiteSpace(Model))
                {
                    missing.Add("model (--model)");
                }
            }

            return missing;
        }
    }

    /// <summary>The configuration with the key shown as <c>***</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("LlmConfiguration { Provider = ").Append(Provider);
        sb.Append(", Endpoint = ").Append(Endpoint?.ToString() ?? "(default)");
        sb.Append(", Model = ").Append(Model ?? "(none)");
        sb.Append(", ApiKey = ").Append(HasApiKey ? "***" : "(none)");
        if (Provider == LlmProvider.Azure)
        {
            sb.Append(", Auth = ").Append(UseEntraId || !HasApiKey ? "Entra ID" : "API key");
        }

        return sb.Append(" }").ToString();
    }
}

/// <summary>One provider as the list command shows it: what is configured and what is missing, never a secret.</summary>
/// <param name="Name">Provider name as given to <c>--provider</c>.</param>
/// <param name="Description">What it connects to.</param>
/// <param name="IsConfigured">True when nothing required is missing.</param>
/// <param name="Settings">Each setting with its state (<c>set</c>, a non-secret value, or <c>missing</c>).</param>
/// <param name="Missing">The variables or options still needed.</param>
public sealed record ProviderStatus(
    string Name,
    string Description,
    bool IsConfigured,
    IReadOnlyList<ProviderSetting> Settings,
    IReadOnlyList<string> Missing);

/// <summary>One setting of a provider.</summary>
/// <param name="Name">The environment variable or option name.</param>
/// <param name="State">A non-secret value (endpoints, models), <c>set</c> for secrets, or <c>not set</c>.</param>
/// <param name="IsSecret">True for keys, whose values are never shown.</param>
public sealed record ProviderSetting(string Name, string State, bool IsSecret);
