package dev.switchboard.edge.provider;

import dev.switchboard.edge.provider.anthropic.AnthropicAdapter;
import dev.switchboard.edge.provider.gemini.GeminiAdapter;
import dev.switchboard.edge.provider.openai.AzureOpenAiAdapter;
import dev.switchboard.edge.provider.openai.OpenAiAdapter;
import dev.switchboard.edge.provider.openai.OpenAiCompatibleAdapter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** One adapter per provider type the registry knows. */
@Configuration(proxyBeanMethods = false)
class ProviderAdaptersConfiguration {

    @Bean
    OpenAiAdapter openAiAdapter(JsonMapper json) {
        return new OpenAiAdapter(json);
    }

    @Bean
    OpenAiCompatibleAdapter openAiCompatibleAdapter(JsonMapper json) {
        return OpenAiCompatibleAdapter.generic(json);
    }

    @Bean
    OpenAiCompatibleAdapter ollamaAdapter(JsonMapper json) {
        return OpenAiCompatibleAdapter.ollama(json);
    }

    @Bean
    OpenAiCompatibleAdapter vllmAdapter(JsonMapper json) {
        return OpenAiCompatibleAdapter.vllm(json);
    }

    @Bean
    AnthropicAdapter anthropicAdapter(JsonMapper json) {
        return new AnthropicAdapter(json);
    }

    @Bean
    GeminiAdapter geminiAdapter(JsonMapper json) {
        return new GeminiAdapter(json);
    }

    @Bean
    AzureOpenAiAdapter azureOpenAiAdapter(JsonMapper json,
            @Value("${switchboard.edge.providers.azure.api-version:2024-10-21}") String apiVersion) {
        return new AzureOpenAiAdapter(json, apiVersion);
    }
}
