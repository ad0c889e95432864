using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Summarizer.Llm;

/// <summary>
/// Reads provider settings from the environment (variables named as the SDKs name them), describes them without
/// secrets, and creates an <see cref="IChatClient"/> for a configuration.
/// </summary>
public static class LlmProviders
{
    /// <summary>Azure OpenAI resource endpoint.</summary>
    public const string AzureEndpointVariable = "AZURE_OPENAI_ENDPOINT";

    /// <summary>Azure OpenAI API key (absent: Entra ID through <c>DefaultAzureCredential</c>).</summary>
    public const string AzureKeyVariable = "AZURE_OPENAI_API_KEY";

    /// <summary>Azure OpenAI deployment name.</summary>
    public const string AzureDeploymentVariable = "AZURE_OPENAI_DEPLOYMENT";

    /// <summary>OpenAI API key.</summary>
    public const string OpenAIKeyVariable = "OPENAI_API_KEY";

    /// <summary>Base URL of OpenAI or of a compatible server, including <c>/v1</c>.</summary>
    public const string OpenAIBaseUrlVariable = "OPENAI_BASE_URL";

    /// <summary>Provider names accepted by <see cref="ParseProvider"/>, for completions.</summary>
    public static IReadOnlyList<string> Names { get; } = ["azure", "openai"];

    /// <exception cref="UserInputException">The name is none of those.</exception>
    /// <summary>Parses <c>azure</c> or <c>openai</c> (also <c>azure-openai</c>, <c>compatible</c>, <c>ollama</c>, <c>vllm</c>, <c>local</c>).</summary>
    public static LlmProvider ParseProvider(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "azure" or "azure-openai" or "azureopenai" => LlmProvider.Azure,
            "openai" or "compatible" or "openai-compatible" or "ollama" or "vllm" or "llamacpp" or "llama.cpp" or "lmstudio"
                or "local" => LlmProvider.OpenAI,
            _ => throw new UserInputException($"Unknown LLM provider '{name}'. Known providers: {string.Join(", ", Names)}."),
        };
    }

    /// <summary>The name of <paramref name="provider"/> as <c>--provider</c> takes it.</summary>
    public static string NameOf(LlmProvider provider) => provider == LlmProvider.Azure ? "azure" : "openai";

    /// <summary>
    /// The configuration the environment gives for <paramref name="provider"/>; with no provider, Azure when
    /// <c>AZURE_OPENAI_ENDPOINT</c> is set, else OpenAI. <paramref name="getVariable"/> defaults to the process environment.
    /// </summary>
    public static LlmConfiguration FromEnvironment(LlmProvider? provider = null, Func<string, string?>? getVariable = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        string? Get(string name) => getVariable(name) is { Length: > 0 } v ? v.Trim() : null;

        var chosen = provider ?? (Get(AzureEndpointVariable) is not null ? LlmProvider.Azure : LlmProvider.OpenAI);
        return chosen == LlmProvider.Azure
            ? new LlmConfiguration
            {
                Provider = LlmProvider.Azure,
                Endpoint = ParseEndpoint(Get(AzureEndpointVariable), AzureEndpointVariable),
                ApiKey = Get(AzureKeyVariable),
                Model = Get(AzureDeploymentVariable),
            }
            : new LlmConfiguration
            {
                Provider = LlmProvider.OpenAI,
                Endpoint = ParseEndpoint(Get(OpenAIBaseUrlVariable), OpenAIBaseUrlVariable),
                ApiKey = Get(OpenAIKeyVariable),
            };
    }

    /// <summary>Every provider with what is configured and what is missing. Shows endpoints and models, never keys.</summary>
    public static IReadOnlyList<ProviderStatus> Describe(Func<string, string?>? getVariable = null, string? model = null)
    {
        getVariable ??= Environment.GetEnvironmentVariable;
        var result = new List<ProviderStatus>();
        foreach (var provider in new[] { LlmProvider.Azure, LlmProvider.OpenAI })
        {
            LlmConfiguration config;
            string? error = null;
            try
            {
                config = FromEnvironment(provider, getVariable);
            }
            catch (UserInputException ex)
            {
                error = ex.Message;
                config = new LlmConfiguration { Provider = provider };
            }

            if (model is not null)
            {
                config = config with { Model = model };
            }

            var settings = new List<ProviderSetting>();
            string State(string variable) => getVariable(variable) is { Length: > 0 } v ? v : "not set";
            string SecretState(string variable) => getVariable(variable) is { Length: > 0 } ? "set" : "not set";
            string name, description;
            if (provider == LlmProvider.Azure)
            {
                name = "azure";
                description = "Azure OpenAI: endpoint + deployment; API key, or Entra ID (DefaultAzureCredential) without one.";
                settings.Add(new(AzureEndpointVariable, State(AzureEndpointVariable), false));
                settings.Add(new(AzureDeploymentVariable, model ?? State(AzureDeploymentVariable), false));
                settings.Add(new(AzureKeyVariable, config.HasApiKey ? "set" : "not set (Entra ID will be used)", true));
            }
            else
            {
                name = "openai";
                description = "OpenAI, or an OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio) via OPENAI_BASE_URL.";
                settings.Add(new(OpenAIKeyVariable, SecretState(OpenAIKeyVariable), true));
                settings.Add(new(OpenAIBaseUrlVariable, getVariable(OpenAIBaseUrlVariable) is { Length: > 0 } url ? url : "not set (https://api.openai.com/v1)", false));
                settings.Add(new("model (--model)", model ?? "not set", false));
            }

            var missing = config.Missing.ToList();
            if (error is not null)
            {
                missing.Insert(0, error);
            }

            result.Add(new ProviderStatus(name, description, missing.Count == 0, settings, missing));
        }

        return result;
    }

    /// <summary>
    /// Creates a chat client for <paramref name="configuration"/>. The SDK's own retries are off (the summariser retries
    /// with backoff), and errors come out as <see cref="LlmRequestException"/> with any key redacted.
    /// </summary>
    /// <param name="configuration">Provider, endpoint, key and model (deployment).</param>
    /// <param name="networkTimeout">Per-request network timeout. Default: none (the summariser enforces its own).</param>
    public static IChatClient CreateChatClient(LlmConfiguration configuration, TimeSpan? networkTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var missing = configuration.Missing;
        if (missing.Count > 0)
        {
            throw new UserInputException(
                $"The {NameOf(configuration.Provider)} LLM provider is not configured; missing: {string.Join(", ", missing)}.");
        }

        var timeout = networkTimeout ?? System.Threading.Timeout.InfiniteTimeSpan;
        ArgumentOutOfRangeException.ThrowIfLessThan(configuration.MaxResponseBytes, 1, nameof(configuration));
        var transport = new HttpClientPipelineTransport(ResponseSizeLimit.Client(configuration.MaxResponseBytes));
        IChatClient inner;
        if (configuration.Provider == LlmProvider.Azure)
        {
            var options = new AzureOpenAIClientOptions { NetworkTimeout = timeout, RetryPolicy = new ClientRetryPolicy(0), Transport = transport };
            var client = configuration.HasApiKey && !configuration.UseEntraId
                ? new AzureOpenAIClient(configuration.Endpoint!, new ApiKeyCredential(configuration.ApiKey!), options)
                : new AzureOpenAIClient(configuration.Endpoint!, new DefaultAzureCredential(), options);
            inner = client.GetChatClient(configuration.Model!).AsIChatClient();
        }
        else
        {
            var options = new OpenAIClientOptions { NetworkTimeout = timeout, RetryPolicy = new ClientRetryPolicy(0), Transport = transport };
            if (configuration.Endpoint is not null)
            {
                options.Endpoint = configuration.Endpoint;
            }

            // Local servers ignore the key, but the client requires one.
            var key = configuration.HasApiKey ? configuration.ApiKey! : "no-key";
            inner = new OpenAIClient(new ApiKeyCredential(key), options).GetChatClient(configuration.Model!).AsIChatClient();
        }

        var metadata = new ChatClientMetadata(
            configuration.Provider == LlmProvider.Azure ? "azure" : "openai",
            configuration.Endpoint ?? new Uri("https://api.openai.com/v1"),
            configuration.Model);
        return new RedactingChatClient(inner, metadata, configuration.ApiKey);
    }

    internal static bool IsOpenAIHost(Uri endpoint) =>
        endpoint.Host.Equals("api.openai.com", StringComparison.OrdinalIgnoreCase);

    private static Uri? ParseEndpoint(string? value, string variable)
    {
        if (value is null)
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UserInputException($"{variable} must be an http(s) URL, not '{Secrets.Redact(value)}'.");
    }
}
