package dev.switchboard.edge.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.provider.ChatRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AnthropicRequestTranslatorTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final AnthropicRequestTranslator translator = new AnthropicRequestTranslator(json);

    private ChatRequest translate(String body) {
        return translator.translate((ObjectNode) json.readTree(body));
    }

    private ChatRequest translateFixture(String name) {
        return translator.translate((ObjectNode) json.readTree(Fixtures.bytes("requests/" + name)));
    }

    private JsonNode messages(String anthropicMessages) {
        return translate("{\"model\":\"m\",\"max_tokens\":10,\"messages\":" + anthropicMessages + "}").messages();
    }

    @Test
    void translatesAPlainTextRequest() {
        ChatRequest request = translateFixture("text.json");

        assertThat(request.body()).isEqualTo(json.readTree("""
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Hello, Claude"}],
                 "max_tokens":1024}"""));
        assertThat(request.model()).isEqualTo("claude-sonnet-4-5");
        assertThat(request.maxOutputTokens()).isEqualTo(1024);
        assertThat(request.stream()).isFalse();
        assertThat(request.streamUsageWanted()).isFalse();
        assertThat(request.user()).isNull();
    }

    @Test
    void translatesAToolUseRoundTrip() {
        ChatRequest request = translateFixture("tool-use-round-trip.json");

        assertThat(request.body()).isEqualTo(json.readTree(Fixtures.bytes("canonical/tool-use-round-trip.json")));
    }

    @Test
    void carriesStreamingSamplingStopUserAndToolChoice() {
        ChatRequest request = translateFixture("streaming-with-options.json");

        assertThat(request.body()).isEqualTo(json.readTree(Fixtures.bytes("canonical/streaming-with-options.json")));
        assertThat(request.stream()).isTrue();
        assertThat(request.streamUsageWanted()).as("the Anthropic stream must end with usage").isTrue();
        assertThat(request.user()).isEqualTo("13803d75-b4b5-4c3e-b2a2-6f21399b021b");
        assertThat(request.body().has("stream_options")).isFalse();
    }

    @Test
    void hoistsSystemBlocksIntoALeadingSystemMessageAndDropsCacheControl() {
        ChatRequest request = translateFixture("system-and-cache-control.json");

        assertThat(request.messages()).isEqualTo(json.readTree("""
                [{"role":"system","content":[
                   {"type":"text","text":"You are an AI assistant tasked with analyzing literary works."},
                   {"type":"text","text":"<the entire contents of Pride and Prejudice>"}]},
                 {"role":"user","content":"Analyze the major themes in Pride and Prejudice."}]"""));
        assertThat(request.body().toString()).doesNotContain("cache_control");
    }

    @Test
    void turnsBase64AndUrlImagesIntoImageUrlParts() {
        ChatRequest request = translateFixture("images.json");

        assertThat(request.messages()).isEqualTo(json.readTree("""
                [{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="}},
                  {"type":"image_url","image_url":{"url":"https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg"}},
                  {"type":"text","text":"Compare these two images."}]}]"""));
    }

    @Test
    void carriesAFailedToolResultAsTextThatSaysItFailed() {
        ChatRequest request = translateFixture("tool-error-result.json");

        assertThat(request.messages().get(2)).isEqualTo(json.readTree("""
                {"role":"tool","tool_call_id":"toolu_01PTzbPvZMiaF2Kq8bBCn1Qm",
                 "content":"Error: ConnectionError: the weather service API is not available (HTTP 500)"}"""));
        assertThat(request.messages().get(1).path("content").isNull()).isTrue();
    }

    @Test
    void marksAFailedToolResultWithoutContentAsAnError() {
        JsonNode messages = messages("""
                [{"role":"user","content":"Look it up."},
                 {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"lookup","input":{}}]},
                 {"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","is_error":true}]}]""");

        assertThat(messages.get(2).path("content").stringValue()).isEqualTo("Error");
    }

    @Test
    void sendsToolResultsBeforeTheTextOfTheSameUserTurn() {
        JsonNode messages = messages("""
                [{"role":"user","content":"Compute both."},
                 {"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"a","input":{}},
                   {"type":"tool_use","id":"t2","name":"b","input":{}}]},
                 {"role":"user","content":[
                   {"type":"text","text":"Here you go."},
                   {"type":"tool_result","tool_use_id":"t1","content":"42"},
                   {"type":"tool_result","tool_use_id":"t2"}]}]""");

        assertThat(messages.get(2)).isEqualTo(json.readTree("""
                {"role":"tool","tool_call_id":"t1","content":"42"}"""));
        assertThat(messages.get(3)).isEqualTo(json.readTree("""
                {"role":"tool","tool_call_id":"t2","content":""}"""));
        assertThat(messages.get(4)).isEqualTo(json.readTree("""
                {"role":"user","content":"Here you go."}"""));
    }

    @Test
    void keepsSeveralAssistantTextBlocksAsTextParts() {
        JsonNode messages = messages("""
                [{"role":"user","content":"hi"},
                 {"role":"assistant","content":[{"type":"text","text":"One."},{"type":"text","text":"Two."}]}]""");

        assertThat(messages.get(1)).isEqualTo(json.readTree("""
                {"role":"assistant","content":[{"type":"text","text":"One."},{"type":"text","text":"Two."}]}"""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"auto"}                                    | "auto"
            {"type":"any"}                                     | "required"
            {"type":"none"}                                    | "none"
            {"type":"tool","name":"f"}                         | {"type":"function","function":{"name":"f"}}
            """)
    void mapsEachToolChoice(String choice, String expected) {
        ChatRequest request = translate("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":%s}""".formatted(choice));

        assertThat(request.body().get("tool_choice")).isEqualTo(json.readTree(expected));
        assertThat(request.body().has("parallel_tool_calls")).isFalse();
    }

    @Test
    void asksForOneToolCallAtATimeWhenParallelUseIsDisabled() {
        ChatRequest request = translate("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"name":"f","input_schema":{"type":"object"},"strict":true,"type":"custom"}],
                 "tool_choice":{"type":"any","disable_parallel_tool_use":true}}""");

        assertThat(request.body().get("parallel_tool_calls").booleanValue()).isFalse();
        assertThat(request.body().at("/tools/0/function/strict").booleanValue()).isTrue();
    }

    @Test
    void leavesOutAutoOrNoneToolChoiceWithoutTools() {
        ChatRequest request = translate("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "tool_choice":{"type":"none"}}""");

        assertThat(request.body().has("tool_choice")).isFalse();
        assertThat(request.body().has("tools")).isFalse();
    }

    @Test
    void acceptsDisabledThinkingAndNullOptionalFields() {
        ChatRequest request = translate("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "thinking":{"type":"disabled"},"speed":"standard","top_k":null,"system":null,"temperature":null,
                 "stream":null,"metadata":{"user_id":null},"cache_control":{"type":"ephemeral"}}""");

        assertThat(request.body()).isEqualTo(json.readTree("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":10}"""));
    }

    @Test
    void keepsSystemTurnsBetweenMessagesWhereTheyAre() {
        JsonNode messages = messages("""
                [{"role":"user","content":"hi"},{"role":"system","content":[{"type":"text","text":"Answer in French."}]},
                 {"role":"user","content":"What's the weather in Paris?"}]""");

        assertThat(messages).isEqualTo(json.readTree("""
                [{"role":"user","content":"hi"},{"role":"system","content":"Answer in French."},
                 {"role":"user","content":"What's the weather in Paris?"}]"""));
    }

    @Test
    void leavesOutAnEmptySystemPrompt() {
        ChatRequest request = translate("""
                {"model":"m","max_tokens":10,"system":"","messages":[{"role":"user","content":"hi"}]}""");

        assertThat(request.messages()).hasSize(1);
    }

    /** Each row: a field to set on a valid request (JSON value, or ABSENT to remove it) and the param named. */
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            model          | ABSENT                                                       | model
            model          | 42                                                           | model
            model          | "  "                                                         | model
            max_tokens     | ABSENT                                                       | max_tokens
            max_tokens     | 0                                                            | max_tokens
            max_tokens     | "1024"                                                       | max_tokens
            max_tokens     | 10.5                                                         | max_tokens
            messages       | ABSENT                                                       | messages
            messages       | []                                                           | messages
            messages       | {"role":"user","content":"hi"}                               | messages
            messages       | ["hi"]                                                       | messages.0
            messages       | [{"role":"developer","content":"hi"}]                        | messages.0.role
            messages       | [{"role":"system","content":[]}]                             | messages.0.content
            messages       | [{"role":"system","content":[{"type":"image","source":{"type":"url","url":"https://x.test/a.png"}}]}] | messages.0.content.0.type
            messages       | [{"content":"hi"}]                                           | messages.0.role
            messages       | [{"role":"user"}]                                            | messages.0.content
            messages       | [{"role":"user","content":7}]                                | messages.0.content
            messages       | [{"role":"user","content":[]}]                               | messages.0.content
            messages       | [{"role":"user","content":"hi","name":"bob"}]                | messages.0.name
            messages       | [{"role":"user","content":[{"text":"hi"}]}]                  | messages.0.content.0.type
            messages       | [{"role":"user","content":["hi"]}]                           | messages.0.content.0
            messages       | [{"role":"user","content":[{"type":"text"}]}]                | messages.0.content.0.text
            messages       | [{"role":"user","content":[{"type":"text","text":"a","citations":[{"type":"char_location"}]}]}] | messages.0.content.0.citations
            messages       | [{"role":"user","content":[{"type":"document","source":{"type":"text","media_type":"text/plain","data":"x"}}]}] | messages.0.content.0.type
            messages       | [{"role":"user","content":[{"type":"search_result","source":"s","title":"t","content":[]}]}] | messages.0.content.0.type
            messages       | [{"role":"user","content":[{"type":"tool_use","id":"t","name":"f","input":{}}]}] | messages.0.content.0.type
            messages       | [{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/bmp","data":"Qk0="}}]}] | messages.0.content.0.source.media_type
            messages       | [{"role":"user","content":[{"type":"image","source":{"type":"base64","media_type":"image/png"}}]}] | messages.0.content.0.source.data
            messages       | [{"role":"user","content":[{"type":"image","source":{"type":"file","file_id":"file_011CNha8iCJcU1wXNR6q4V8w"}}]}] | messages.0.content.0.source.type
            messages       | [{"role":"user","content":[{"type":"image","source":{"type":"url"}}]}] | messages.0.content.0.source.url
            messages       | [{"role":"user","content":[{"type":"image"}]}]               | messages.0.content.0.source
            messages       | [{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":[{"type":"image","source":{"type":"url","url":"https://x.test/a.png"}}]}]}] | messages.0.content.0.content.0.type
            messages       | [{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","content":5}]}] | messages.0.content.0.content
            messages       | [{"role":"user","content":[{"type":"tool_result","tool_use_id":"t","is_error":"yes"}]}] | messages.0.content.0.is_error
            messages       | [{"role":"user","content":[{"type":"tool_result","content":"x"}]}] | messages.0.content.0.tool_use_id
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"thinking","thinking":"hm","signature":"sig"}]}] | messages.1.content.0.type
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"redacted_thinking","data":"x"}]}] | messages.1.content.0.type
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"tool_result","tool_use_id":"t"}]}] | messages.1.content.0.type
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"image","source":{"type":"url","url":"https://x.test/a.png"}}]}] | messages.1.content.0.type
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"tool_use","id":"t","name":"f","input":"{}"}]}] | messages.1.content.0.input
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"tool_use","name":"f","input":{}}]}] | messages.1.content.0.id
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"tool_use","id":"t","input":{}}]}] | messages.1.content.0.name
            messages       | [{"role":"user","content":"hi"},{"role":"assistant","content":[{"type":"server_tool_use","id":"s","name":"web_search","input":{}}]}] | messages.1.content.0.type
            system         | 42                                                           | system
            system         | [{"type":"image","source":{"type":"url","url":"https://x.test/a.png"}}] | system.0.type
            system         | [{"type":"text","text":"a","extra":1}]                       | system.0.extra
            temperature    | 1.5                                                          | temperature
            temperature    | "hot"                                                        | temperature
            top_p          | -0.1                                                         | top_p
            top_k          | 40                                                           | top_k
            thinking       | {"type":"enabled","budget_tokens":2048}                      | thinking
            thinking       | {"type":"disabled","budget_tokens":2048}                     | thinking
            service_tier   | "auto"                                                       | service_tier
            container      | "container_011CN"                                            | container
            mcp_servers    | [{"type":"url","url":"https://mcp.test/sse","name":"m"}]     | mcp_servers
            output_config  | {"effort":"low"}                                             | output_config
            output_format  | {"type":"json_schema","schema":{"type":"object"}}            | output_format
            inference_geo  | "eu"                                                         | inference_geo
            speed          | "fast"                                                       | speed
            diagnostics    | {}                                                           | diagnostics
            n              | 2                                                            | n
            frequency_penalty | 0.5                                                       | frequency_penalty
            stop_sequences | "END"                                                        | stop_sequences
            stop_sequences | ["END",7]                                                    | stop_sequences.1
            stream         | "yes"                                                        | stream
            metadata       | "u1"                                                         | metadata
            metadata       | {"user_id":7}                                                | metadata.user_id
            metadata       | {"session":"s1"}                                             | metadata.session
            tools          | {"name":"f"}                                                 | tools
            tools          | ["f"]                                                        | tools.0
            tools          | [{"input_schema":{"type":"object"}}]                         | tools.0.name
            tools          | [{"name":"f"}]                                               | tools.0.input_schema
            tools          | [{"name":"f","input_schema":"object"}]                       | tools.0.input_schema
            tools          | [{"name":"f","description":7,"input_schema":{"type":"object"}}] | tools.0.description
            tools          | [{"name":"f","input_schema":{"type":"object"},"strict":"yes"}] | tools.0.strict
            tools          | [{"name":"f","input_schema":{"type":"object"},"input_examples":[{}]}] | tools.0.input_examples
            tools          | [{"type":"web_search_20250305","name":"web_search","max_uses":5}] | tools.0.type
            tool_choice    | "auto"                                                       | tool_choice
            tool_choice    | {"type":"required"}                                          | tool_choice.type
            tool_choice    | {"type":"any"}                                               | tool_choice
            tool_choice    | {"type":"tool","name":"f"}                                   | tool_choice
            tool_choice    | {"type":"none","disable_parallel_tool_use":true}             | tool_choice.disable_parallel_tool_use
            """)
    void rejectsWhatCannotBeCarriedNamingTheField(String field, String value, String param) {
        ObjectNode body = (ObjectNode) json.readTree("""
                {"model":"claude-sonnet-4-5","max_tokens":1024,"messages":[{"role":"user","content":"hi"}]}""");
        if (value.equals("ABSENT")) {
            body.remove(field);
        } else {
            body.set(field, json.readTree(value));
        }

        assertRejected(body, param);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"tool"}                                    | tool_choice.name
            {"type":"tool","name":"g"}                         | tool_choice.name
            {"type":"auto","disable_parallel_tool_use":"yes"}  | tool_choice.disable_parallel_tool_use
            {"type":"auto","name":"f"}                         | tool_choice.name
            """)
    void rejectsAToolChoiceTheToolsCannotHonour(String choice, String param) {
        ObjectNode body = (ObjectNode) json.readTree("""
                {"model":"m","max_tokens":10,"messages":[{"role":"user","content":"hi"}],
                 "tools":[{"name":"f","input_schema":{"type":"object"}}],"tool_choice":%s}""".formatted(choice));

        assertRejected(body, param);
    }

    private void assertRejected(ObjectNode body, String param) {
        assertThatThrownBy(() -> translator.translate(body))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.type()).isEqualTo("invalid_request_error");
                    assertThat(e.param()).isEqualTo(param);
                    assertThat(e.getMessage()).startsWith(param + ": ");
                });
    }
}
