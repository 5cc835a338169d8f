package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.ChatBodies.accepted;
import static dev.switchboard.edge.provider.ChatBodies.parse;
import static dev.switchboard.edge.provider.ChatBodies.rejected;
import static dev.switchboard.edge.provider.ChatBodies.withFields;
import static dev.switchboard.edge.provider.ChatBodies.withMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class ChatRequestTests {

    @Test
    void readsTheFieldsTheGatewayActsOn() {
        ChatRequest request = accepted(withFields("""
                "stream":true,"stream_options":{"include_usage":true},"max_tokens":50,"max_completion_tokens":70,
                "user":"u-1","metadata":{"project":"apollo"}"""));

        assertThat(request.model()).isEqualTo("m");
        assertThat(request.stream()).isTrue();
        assertThat(request.streamUsageWanted()).isTrue();
        assertThat(request.maxOutputTokens()).isEqualTo(70);
        assertThat(request.user()).isEqualTo("u-1");
        assertThat(request.metadata()).containsEntry("project", "apollo");
        assertThat(request.messages()).hasSize(1);
    }

    @Test
    void fallsBackToMaxTokensAndLeavesTheCapUnsetWithoutEither() {
        assertThat(accepted(withFields("\"max_tokens\":50")).maxOutputTokens()).isEqualTo(50);
        assertThat(accepted(withFields("")).maxOutputTokens()).isNull();
        assertThat(accepted(withFields("")).metadata()).isEmpty();
    }

    @Test
    void wantsNoUsageChunkWhenStreamingWithoutAskingForIt() {
        ChatRequest request = accepted(withFields("\"stream\":true,\"stream_options\":{\"include_obfuscation\":false}"));

        assertThat(request.stream()).isTrue();
        assertThat(request.streamUsageWanted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"temperature\":0", "\"temperature\":2", "\"temperature\":0.7", "\"top_p\":0", "\"top_p\":1",
            "\"frequency_penalty\":-2", "\"frequency_penalty\":2", "\"presence_penalty\":1.5",
            "\"max_tokens\":1", "\"max_completion_tokens\":1000000", "\"n\":1", "\"n\":128",
            "\"seed\":-5", "\"seed\":9223372036854775807",
            "\"stop\":\"\\n\"", "\"stop\":[\"a\",\"b\",\"c\",\"d\"]",
            "\"stream\":false", "\"stream\":true,\"stream_options\":{\"include_usage\":false,\"include_obfuscation\":true}",
            "\"stream\":true,\"stream_options\":{\"include_usage\":null}",
            "\"logprobs\":false", "\"logprobs\":true,\"top_logprobs\":0", "\"logprobs\":true,\"top_logprobs\":20",
            "\"logit_bias\":{\"50256\":-100,\"11\":100,\"0\":0}", "\"logit_bias\":{}",
            "\"service_tier\":\"auto\"", "\"service_tier\":\"default\"", "\"service_tier\":\"flex\"",
            "\"service_tier\":\"scale\"", "\"service_tier\":\"priority\"",
            "\"reasoning_effort\":\"none\"", "\"reasoning_effort\":\"minimal\"", "\"reasoning_effort\":\"low\"",
            "\"reasoning_effort\":\"medium\"", "\"reasoning_effort\":\"high\"", "\"reasoning_effort\":\"xhigh\"",
            "\"verbosity\":\"low\"", "\"verbosity\":\"medium\"", "\"verbosity\":\"high\"",
            "\"prompt_cache_retention\":\"24h\"", "\"prompt_cache_retention\":\"in-memory\"",
            "\"prompt_cache_retention\":\"in_memory\"",
            "\"user\":\"u\"", "\"safety_identifier\":\"hashed-user-1\"", "\"prompt_cache_key\":\"tenant-7\"",
            "\"store\":true", "\"store\":false", "\"metadata\":{}",
            "\"modalities\":[\"text\"]", "\"modalities\":[]",
            "\"modalities\":[\"text\",\"audio\"],\"audio\":{\"voice\":\"alloy\",\"format\":\"mp3\"}",
            "\"audio\":{\"voice\":{\"id\":\"voice_123\"},\"format\":\"pcm16\"}",
            "\"prediction\":{\"type\":\"content\",\"content\":\"old text\"}",
            "\"prediction\":{\"type\":\"content\",\"content\":[{\"type\":\"text\",\"text\":\"old\"}]}",
            "\"web_search_options\":{}",
            "\"web_search_options\":{\"search_context_size\":\"low\",\"user_location\":null}",
            "\"web_search_options\":{\"user_location\":{\"type\":\"approximate\",\"approximate\":"
                    + "{\"city\":\"Paris\",\"country\":\"FR\",\"region\":\"IDF\",\"timezone\":\"Europe/Paris\"}}}"
    })
    void acceptsEveryDocumentedShape(String fields) {
        assertThatCode(() -> accepted(withFields(fields))).doesNotThrowAnyException();
    }

    @Test
    void acceptsSixteenMetadataPairsAtTheirLengthLimits() {
        String pairs = IntStream.range(0, 16)
                .mapToObj(i -> "\"" + "k".repeat(62) + String.format("%02d", i) + "\":\"" + "v".repeat(512) + "\"")
                .collect(Collectors.joining(","));

        assertThat(accepted(withFields("\"metadata\":{" + pairs + "}")).metadata()).hasSize(16);
    }

    @Test
    void treatsEveryOptionalFieldSetToNullAsUnsetAndRemovesIt() {
        String nulls = ChatRequestValidator.OPTIONAL_FIELDS.stream().map(field -> "\"" + field + "\":null")
                .collect(Collectors.joining(","));
        ObjectNode body = withFields(nulls);

        ChatRequest request = accepted(body);

        assertThat(request.body().propertyNames()).containsExactlyInAnyOrder("model", "messages");
        assertThat(request.stream()).isFalse();
        assertThat(request.maxOutputTokens()).isNull();
    }

    @Test
    void keepsTheBodyItWasGivenAsTheCanonicalBody() {
        ObjectNode body = withFields("\"temperature\":0.2");

        assertThat(accepted(body).body()).isSameAs(body);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "temperature":2.1                  | temperature
            "temperature":-0.1                 | temperature
            "temperature":"1"                  | temperature
            "temperature":1e400                | temperature
            "top_p":1.5                        | top_p
            "top_p":true                       | top_p
            "frequency_penalty":-3             | frequency_penalty
            "presence_penalty":2.5             | presence_penalty
            "max_tokens":0                     | max_tokens
            "max_tokens":1.5                   | max_tokens
            "max_tokens":"10"                  | max_tokens
            "max_tokens":1000001               | max_tokens
            "max_tokens":99999999999999999999  | max_tokens
            "max_completion_tokens":1000001    | max_completion_tokens
            "max_completion_tokens":-1         | max_completion_tokens
            "n":0                              | n
            "n":129                            | n
            "n":2.0                            | n
            "seed":1.5                         | seed
            "seed":99999999999999999999        | seed
            "stop":["a","b","c","d","e"]       | stop
            "stop":[]                          | stop
            "stop":5                           | stop
            "stop":["a",1]                     | stop[1]
            "stream":"yes"                     | stream
            "stream":true,"stream_options":5   | stream_options
            "stream":true,"stream_options":{"include_usage":"yes"} | stream_options.include_usage
            "stream":true,"stream_options":{"include_obfuscation":1} | stream_options.include_obfuscation
            "stream":true,"stream_options":{"usage":true} | stream_options.usage
            "stream_options":{"include_usage":true} | stream_options
            "stream":false,"stream_options":{} | stream_options
            "logprobs":"true"                  | logprobs
            "logprobs":true,"top_logprobs":21  | top_logprobs
            "logprobs":true,"top_logprobs":-1  | top_logprobs
            "top_logprobs":2                   | top_logprobs
            "logprobs":false,"top_logprobs":2  | top_logprobs
            "logit_bias":{"abc":1}             | logit_bias
            "logit_bias":{"-1":1}              | logit_bias
            "logit_bias":{"1":101}             | logit_bias
            "logit_bias":{"1":0.5}             | logit_bias
            "logit_bias":{"1":"x"}             | logit_bias
            "logit_bias":[1]                   | logit_bias
            "service_tier":"fast"              | service_tier
            "reasoning_effort":"max"           | reasoning_effort
            "reasoning_effort":1               | reasoning_effort
            "verbosity":"loud"                 | verbosity
            "prompt_cache_retention":"1h"      | prompt_cache_retention
            "user":5                           | user
            "prompt_cache_key":{}              | prompt_cache_key
            "store":"no"                       | store
            "metadata":[]                      | metadata
            "metadata":{"k":1}                 | metadata.k
            "modalities":"text"                | modalities
            "modalities":["video"]             | modalities[0]
            "modalities":["audio"]             | audio
            "audio":{"voice":"alloy"}          | audio.format
            "audio":{"format":"mp3"}           | audio.voice
            "audio":{"voice":"alloy","format":"ogg"} | audio.format
            "audio":{"voice":5,"format":"mp3"} | audio.voice
            "audio":{"voice":{"name":"x"},"format":"mp3"} | audio.voice.name
            "audio":{"voice":{},"format":"mp3"} | audio.voice.id
            "audio":{"voice":"alloy","format":"mp3","speed":1} | audio.speed
            "prediction":"text"                | prediction
            "prediction":{"type":"diff","content":"x"} | prediction.type
            "prediction":{"content":"x"}       | prediction.type
            "prediction":{"type":"content"}    | prediction.content
            "prediction":{"type":"content","content":5} | prediction.content
            "prediction":{"type":"content","content":[{"type":"image_url","image_url":{"url":"u"}}]} | prediction.content[0].type
            "web_search_options":[]            | web_search_options
            "web_search_options":{"search_context_size":"huge"} | web_search_options.search_context_size
            "web_search_options":{"depth":1}   | web_search_options.depth
            "web_search_options":{"user_location":{"type":"exact","approximate":{}}} | web_search_options.user_location.type
            "web_search_options":{"user_location":{"type":"approximate"}} | web_search_options.user_location.approximate
            "web_search_options":{"user_location":{"type":"approximate","approximate":{"street":"x"}}} | web_search_options.user_location.approximate.street
            "web_search_options":{"user_location":{"type":"approximate","approximate":{"city":1}}} | web_search_options.user_location.approximate.city
            """)
    void rejectsAValueOfTheWrongTypeOrRangeNamingTheField(String fields, String param) {
        rejected(withFields(fields), param);
    }

    @Test
    void rejectsTooLongSafetyIdentifiersAndMetadata() {
        rejected(withFields("\"safety_identifier\":\"" + "s".repeat(65) + "\""), "safety_identifier");
        rejected(withFields("\"metadata\":{\"" + "k".repeat(65) + "\":\"v\"}"), "metadata");
        rejected(withFields("\"metadata\":{\"k\":\"" + "v".repeat(513) + "\"}"), "metadata.k");
        String seventeen = IntStream.range(0, 17).mapToObj(i -> "\"k" + i + "\":\"v\"")
                .collect(Collectors.joining(","));
        rejected(withFields("\"metadata\":{" + seventeen + "}"), "metadata");
    }

    @Test
    void explainsTypeAndRangeFailuresTheWayOpenAiDoes() {
        assertThat(rejected(withFields("\"temperature\":\"hot\""), "temperature").getMessage())
                .isEqualTo("Invalid type for 'temperature': expected a number, but got a string instead.");
        assertThat(rejected(withFields("\"temperature\":3"), "temperature").getMessage())
                .isEqualTo("Invalid 'temperature': expected a number between 0 and 2, but got 3 instead.");
        assertThat(rejected(withFields("\"n\":1.5"), "n").getMessage())
                .isEqualTo("Invalid type for 'n': expected an integer, but got a number instead.");
    }

    @Test
    void requiresStreamingForStreamOptionsAsOpenAiDoes() {
        assertThat(rejected(withFields("\"stream_options\":{\"include_usage\":true}"), "stream_options").getMessage())
                .contains("only allowed when 'stream' is enabled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "temprature", "thinking", "top_k", "guided_json"})
    void rejectsFieldsOutsideOpenAisFormatWithItsWording(String field) {
        GatewayException failure = rejected(withFields("\"" + field + "\":1"), field);

        assertThat(failure.getMessage()).isEqualTo("Unrecognized request argument supplied: " + field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base_url", "api_base", "api_key", "api_version", "custom_llm_provider", "headers",
            "extra_headers", "url"})
    void rejectsFieldsThatTryToSteerTheUpstreamSayingTheGatewayDecides(String field) {
        GatewayException failure = rejected(withFields("\"" + field + "\":\"https://evil.example/sk-secret\""), field);

        assertThat(failure.getMessage()).startsWith("Unrecognized request argument supplied: " + field)
                .contains("gateway decides").doesNotContain("sk-secret");
    }

    @Test
    void rejectsAnUnknownFieldEvenWhenItIsNull() {
        rejected(withFields("\"api_key\":null"), "api_key");
    }

    @Test
    void cutsOverlongUnknownFieldNamesInTheMessage() {
        String field = "x".repeat(500);

        assertThat(rejected(withFields("\"" + field + "\":1"), field).getMessage()).hasSizeLessThan(200);
    }

    @Test
    void requiresANonBlankModel() {
        rejected(withMessages("[{\"role\":\"user\",\"content\":\"hi\"}]").without("model"), "model");
        rejected(parse("{\"model\":\" \",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), "model");
        rejected(parse("{\"model\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), "model");
        rejected(parse("{\"model\":null,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), "model");
    }

    @Test
    void requiresANonEmptyArrayOfMessages() {
        assertThat(rejected(parse("{\"model\":\"m\"}"), "messages").getMessage())
                .isEqualTo("Missing required parameter: 'messages'.");
        rejected(withMessages("[]"), "messages");
        rejected(withMessages("null"), "messages");
        rejected(withMessages("{\"role\":\"user\",\"content\":\"hi\"}"), "messages");
    }

    @Test
    void appliesTheConfiguredLimits() {
        ChatRequestLimits tight = new ChatRequestLimits(4, 100, 2);

        assertThatCode(() -> ChatRequest.from(withFields("\"n\":4,\"max_tokens\":100"), tight))
                .doesNotThrowAnyException();
        rejected(withFields("\"n\":5"), "n", tight);
        rejected(withFields("\"max_tokens\":101"), "max_tokens", tight);
        rejected(withFields("\"max_completion_tokens\":101"), "max_completion_tokens", tight);
        rejected(withMessages("[{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"user\",\"content\":\"b\"},"
                + "{\"role\":\"user\",\"content\":\"c\"}]"), "messages", tight);
    }

    @Test
    void refusesMoreMessagesThanTheDefaultLimit() {
        String messages = IntStream.range(0, 10_001).mapToObj(i -> "{\"role\":\"user\",\"content\":\"x\"}")
                .collect(Collectors.joining(",", "[", "]"));

        rejected(withMessages(messages), "messages");
    }

    @Test
    void refusesNonPositiveLimits() {
        assertThatThrownBy(() -> new ChatRequestLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
