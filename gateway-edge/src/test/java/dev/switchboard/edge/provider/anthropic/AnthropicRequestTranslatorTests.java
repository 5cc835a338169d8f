package dev.switchboard.edge.provider.anthropic;

import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CANDIDATE;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.CLOCK;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.JSON;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.request;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.requestFixture;
import static dev.switchboard.edge.provider.anthropic.AnthropicFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.edge.api.GatewayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The request body as it leaves for Anthropic; single quotes in the OpenAI snippets stand for double quotes. */
class AnthropicRequestTranslatorTests {

    private static final String HI = "'messages':[{'role':'user','content':'hi'}]";

    private final AnthropicAdapter adapter = new AnthropicAdapter(JSON, CLOCK);

    private JsonNode translate(String openAiJson) {
        return JSON.readTree(adapter.chat(request(openAiJson), CANDIDATE, "sk-test").body());
    }

    /** The body of a request with {@link #HI} as its messages and {@code fields} besides. */
    private JsonNode withFields(String fields) {
        return translate("{'model':'claude-sonnet'," + HI + (fields.isEmpty() ? "" : "," + fields) + "}");
    }

    private static void assertRefused(Runnable call, String param) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GatewayException.class, error -> {
            assertThat(error.status()).isEqualTo(400);
            assertThat(error.type()).isEqualTo("invalid_request_error");
            // the shared validator may name the exact spot (messages[1].tool_calls) where the adapter names the field
            assertThat(error.param()).startsWith(param);
        });
    }

    @Test
    void translatesAToolLoopConversationAsRecorded() {
        JsonNode body = JSON.readTree(
                adapter.chat(requestFixture("request-tool-loop.openai.json"), CANDIDATE, "k").body());

        assertThat(body).isEqualTo(tree("request-tool-loop.anthropic.json"));
    }

    @Test
    void sendsTheUpstreamModelAndADefaultMaxTokens() {
        JsonNode body = withFields("");

        assertThat(body.path("model").asString()).isEqualTo("claude-sonnet-4-20250514");
        assertThat(body.path("max_tokens").asLong()).isEqualTo(4096);
        assertThat(body.has("stream")).isFalse();
        assertThat(body.path("messages")).isEqualTo(
                JSON.readTree("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]}]"));
    }

    @Test
    void takesMaxCompletionTokensOverMaxTokens() {
        assertThat(withFields("'max_tokens':100").path("max_tokens").asLong()).isEqualTo(100);
        assertThat(withFields("'max_tokens':100,'max_completion_tokens':200").path("max_tokens").asLong())
                .isEqualTo(200);
    }

    @Test
    void sendsTheOutputCeilingAdmissionAssumedAsMaxTokens() {
        JsonNode body = JSON.readTree(adapter.chat(request("{'model':'m'," + HI + "}").withOutputCap(300),
                CANDIDATE, "k").body());

        assertThat(body.path("max_tokens").asLong()).isEqualTo(300);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void hoistsSystemAndDeveloperMessagesFromAnywhere() {
        JsonNode body = translate("{'model':'m','messages':[{'role':'user','content':'a'},"
                + "{'role':'system','content':'first'},{'role':'assistant','content':'b'},"
                + "{'role':'developer','content':[{'type':'text','text':'second'}]},{'role':'user','content':'c'}]}");

        assertThat(body.path("system")).isEqualTo(JSON.readTree(
                "[{\"type\":\"text\",\"text\":\"first\"},{\"type\":\"text\",\"text\":\"second\"}]"));
        assertThat(body.path("messages")).hasSize(3);
        assertThat(body.path("messages").findValuesAsString("role")).containsExactly("user", "assistant", "user");
    }

    @Test
    void opensWithAUserTurnWhenTheConversationDoesNot() {
        JsonNode assistantFirst = translate("{'model':'m','messages':[{'role':'system','content':'s'},"
                + "{'role':'assistant','content':'Hello, how can I help?'},{'role':'user','content':'x'}]}");
        JsonNode systemOnly = translate("{'model':'m','messages':[{'role':'system','content':'Say hi.'}]}");

        assertThat(assistantFirst.path("messages").findValuesAsString("role"))
                .containsExactly("user", "assistant", "user");
        assertThat(assistantFirst.path("messages").path(0).path("content").path(0).path("text").asString())
                .isEqualTo(MessagesTranslator.OPENING_TURN);
        assertThat(systemOnly.path("messages")).hasSize(1);
        assertThat(systemOnly.path("messages").path(0).path("role").asString()).isEqualTo("user");
    }

    @Test
    void keepsAssistantTextBeforeItsToolUseAndParsesArguments() {
        JsonNode body = translate("{'model':'m','messages':[{'role':'user','content':'q'},"
                + "{'role':'assistant','content':'Looking.','tool_calls':[{'id':'call_1','type':'function',"
                + "'function':{'name':'f','arguments':''}}]},{'role':'tool','tool_call_id':'call_1','content':''}]}");

        JsonNode assistant = body.path("messages").path(1);
        assertThat(assistant.path("content")).isEqualTo(JSON.readTree("[{\"type\":\"text\",\"text\":\"Looking.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"call_1\",\"name\":\"f\",\"input\":{}}]"));
        assertThat(body.path("messages").path(2).path("content"))
                .isEqualTo(JSON.readTree("[{\"type\":\"tool_result\",\"tool_use_id\":\"call_1\"}]"));
    }

    @Test
    void refusesToolArgumentsThatAreNotAJsonObject() {
        String call = "{'model':'m','messages':[{'role':'user','content':'q'},{'role':'assistant','tool_calls':"
                + "[{'id':'c','type':'function','function':{'name':'f','arguments':'%s'}}]}]}";

        assertRefused(() -> translate(String.format(call, "{not json")), "messages");
        assertRefused(() -> translate(String.format(call, "[1,2]")), "messages");
    }

    @Test
    void refusesAToolMessageThatAnswersNoToolCall() {
        assertRefused(() -> translate("{'model':'m','messages':[{'role':'user','content':'q'},"
                + "{'role':'tool','tool_call_id':'c','content':'r'}]}"), "messages");
        assertRefused(() -> translate("{'model':'m','messages':[{'role':'user','content':'q'},{'role':'assistant',"
                + "'tool_calls':[{'id':'c','type':'function','function':{'name':'f','arguments':'{}'}}]},"
                + "{'role':'tool','content':'r'}]}"), "messages");
    }

    @Test
    void refusesTheDeprecatedFunctionRoleAndNonTextInput() {
        assertRefused(() -> translate("{'model':'m','messages':[{'role':'function','name':'f','content':'r'}]}"),
                "messages");
        assertRefused(() -> translate("{'model':'m','messages':[{'role':'user','content':[{'type':'input_audio',"
                + "'input_audio':{'data':'AAAA','format':'wav'}}]}]}"), "messages");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "data:image/jpeg;base64,/9j/4AAQ | image/jpeg",
            "data:image/jpg;base64,/9j/4AAQ  | image/jpeg",
            "data:image/png;base64,iVBORw0K  | image/png",
            "data:image/gif;base64,R0lGODlh  | image/gif",
            "data:image/webp;base64,UklGRlYA | image/webp"})
    void sendsDataUrlImagesAsBase64Sources(String url, String mediaType) {
        JsonNode source = image(url).path("source");

        assertThat(source.path("type").asString()).isEqualTo("base64");
        assertThat(source.path("media_type").asString()).isEqualTo(mediaType);
        assertThat(source.path("data").asString()).isEqualTo(url.substring(url.indexOf(',') + 1));
    }

    @Test
    void sendsHttpsImagesAsUrlSources() {
        assertThat(image("https://example.com/cat.png").path("source"))
                .isEqualTo(JSON.readTree("{\"type\":\"url\",\"url\":\"https://example.com/cat.png\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:image/bmp;base64,Qk0=", "data:image/svg+xml;base64,PHN2Zz4=",
            "data:image/png,rawbytes", "http://example.com/cat.png", "ftp://example.com/cat.png"})
    void refusesImagesAnthropicCannotTake(String url) {
        assertRefused(() -> image(url), "messages");
    }

    private JsonNode image(String url) {
        return translate("{'model':'m','messages':[{'role':'user','content':[{'type':'image_url',"
                + "'image_url':{'url':'" + url + "'}}]}]}").path("messages").path(0).path("content").path(0);
    }

    @Test
    void forwardsSamplingAndStopSequences() {
        JsonNode body = withFields("'temperature':1,'top_p':0.5,'stop':'END'");

        assertThat(body.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.5);
        assertThat(body.path("stop_sequences")).isEqualTo(JSON.readTree("[\"END\"]"));
        assertThat(withFields("'stop':['a','b']").path("stop_sequences")).isEqualTo(JSON.readTree("[\"a\",\"b\"]"));
    }

    @Test
    void refusesATemperatureAboveAnthropicsRange() {
        assertRefused(() -> withFields("'temperature':1.2"), "temperature");
    }

    @Test
    void translatesToolsWithADefaultObjectSchema() {
        JsonNode tools = withFields("'tools':[{'type':'function','function':{'name':'now'}},{'type':'function',"
                + "'function':{'name':'find','description':'d','parameters':{'properties':{'q':{'type':'string'}}},"
                + "'strict':true}}]").path("tools");

        assertThat(tools).isEqualTo(JSON.readTree("[{\"name\":\"now\",\"input_schema\":{\"type\":\"object\"}},"
                + "{\"name\":\"find\",\"description\":\"d\","
                + "\"input_schema\":{\"properties\":{\"q\":{\"type\":\"string\"}},\"type\":\"object\"}}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'none'                                        | {\"type\":\"none\"}",
            "'auto'                                        | {\"type\":\"auto\"}",
            "'required'                                    | {\"type\":\"any\"}",
            "{'type':'function','function':{'name':'f'}}   | {\"type\":\"tool\",\"name\":\"f\"}"})
    void translatesToolChoice(String choice, String expected) {
        JsonNode body = withFields("'tools':[{'type':'function','function':{'name':'f'}}],'tool_choice':" + choice);

        assertThat(body.path("tool_choice")).isEqualTo(JSON.readTree(expected));
    }

    @Test
    void disablesParallelToolUseExceptWhereNoToolCanBeCalled() {
        String tools = "'tools':[{'type':'function','function':{'name':'f'}}],'parallel_tool_calls':false";

        assertThat(withFields(tools).path("tool_choice"))
                .isEqualTo(JSON.readTree("{\"type\":\"auto\",\"disable_parallel_tool_use\":true}"));
        assertThat(withFields(tools + ",'tool_choice':'required'").path("tool_choice"))
                .isEqualTo(JSON.readTree("{\"type\":\"any\",\"disable_parallel_tool_use\":true}"));
        assertThat(withFields(tools + ",'tool_choice':'none'").path("tool_choice"))
                .isEqualTo(JSON.readTree("{\"type\":\"none\"}"));
        assertThat(withFields("'tools':[{'type':'function','function':{'name':'f'}}],'parallel_tool_calls':true")
                .has("tool_choice")).isFalse();
    }

    @Test
    void refusesAToolChoiceThatNamesNoGivenTool() {
        assertRefused(() -> withFields("'tools':[{'type':'function','function':{'name':'f'}}],"
                + "'tool_choice':{'type':'function','function':{'name':'g'}}"), "tool_choice");
        assertRefused(() -> withFields("'tool_choice':'required'"), "tool_choice");
        assertRefused(() -> withFields("'tools':[{'type':'custom','custom':{'name':'f'}}]"), "tools");
    }

    @Test
    void emulatesJsonObjectOutputWithAForcedTool() {
        JsonNode body = withFields("'response_format':{'type':'json_object'}");

        assertThat(body.path("tools").path(0).path("name").asString()).isEqualTo(ToolsTranslator.JSON_TOOL);
        assertThat(body.path("tools").path(0).path("input_schema")).isEqualTo(JSON.readTree("{\"type\":\"object\"}"));
        assertThat(body.path("tool_choice"))
                .isEqualTo(JSON.readTree("{\"type\":\"tool\",\"name\":\"" + ToolsTranslator.JSON_TOOL + "\"}"));
    }

    @Test
    void emulatesJsonSchemaOutputWithTheSchemaAsToolInput() {
        JsonNode body = withFields("'response_format':{'type':'json_schema','json_schema':{'name':'weather',"
                + "'schema':{'type':'object','properties':{'celsius':{'type':'number'}},'required':['celsius']}}}");

        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.path("tools").path(0).path("input_schema")).isEqualTo(JSON.readTree(
                "{\"type\":\"object\",\"properties\":{\"celsius\":{\"type\":\"number\"}},\"required\":[\"celsius\"]}"));
        assertThat(body.path("tools").path(0).path("description").asString()).contains("weather");
        assertThat(withFields("'response_format':{'type':'text'}").has("tools")).isFalse();
    }

    @Test
    void refusesJsonOutputTogetherWithClientToolsOrANonObjectSchema() {
        assertRefused(() -> withFields("'response_format':{'type':'json_object'},"
                + "'tools':[{'type':'function','function':{'name':'f'}}]"), "response_format");
        assertRefused(() -> withFields("'response_format':{'type':'json_schema','json_schema':{'name':'n',"
                + "'schema':{'type':'array'}}}"), "response_format");
    }

    @Test
    void sendsTheEndUserAsMetadataUserIdPreferringSafetyIdentifier() {
        assertThat(withFields("'user':'u-1'").path("metadata"))
                .isEqualTo(JSON.readTree("{\"user_id\":\"u-1\"}"));
        assertThat(withFields("'user':'u-1','safety_identifier':'s-1'").path("metadata"))
                .isEqualTo(JSON.readTree("{\"user_id\":\"s-1\"}"));
    }

    @Test
    void asksForAStreamWhenTheClientDid() {
        assertThat(withFields("'stream':true").path("stream").asBoolean()).isTrue();
    }

    @Test
    void forwardsNoFieldThatOnlySteersTheGateway() {
        JsonNode body = withFields("'metadata':{'team':'a'},'store':true,'service_tier':'auto','stream':true,"
                + "'stream_options':{'include_usage':true},'prompt_cache_key':'k','reasoning_effort':'high'");

        assertThat(body.has("metadata")).isFalse();
        assertThat(body.has("store")).isFalse();
        assertThat(body.has("service_tier")).isFalse();
        assertThat(body.has("stream_options")).isFalse();
        assertThat(body.has("prompt_cache_key")).isFalse();
        assertThat(body.has("reasoning_effort")).isFalse();
        assertThat(body.has("thinking")).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "'n':2                                  | n",
            "'logprobs':true                        | logprobs",
            "'top_logprobs':3                       | top_logprobs",
            "'presence_penalty':0.5                 | presence_penalty",
            "'frequency_penalty':-1                 | frequency_penalty",
            "'logit_bias':{'50256':-100}            | logit_bias",
            "'seed':42                              | seed",
            "'audio':{'voice':'alloy','format':'mp3'} | audio",
            "'modalities':['text','audio']          | audio",
            "'prediction':{'type':'content','content':'x'} | prediction",
            "'functions':[{'name':'f'}]             | functions",
            "'function_call':'auto'                 | function_call",
            "'web_search_options':{}                | web_search_options",
            "'top_k':5                              | top_k"})
    void refusesFieldsAnthropicCannotHonourNamingThem(String field, String param) {
        assertRefused(() -> withFields(field), param);
    }

    @Test
    void pointsDeprecatedFunctionsToTools() {
        assertThatThrownBy(() -> withFields("'functions':[{'name':'f'}]")).hasMessageContaining("use 'tools'");
    }

    @Test
    void acceptsNeutralValuesOfFieldsItCannotTranslate() {
        JsonNode body = withFields("'n':1,'logprobs':false,'presence_penalty':0,'frequency_penalty':0.0,"
                + "'logit_bias':{},'modalities':['text'],'seed':null");

        assertThat(body.has("n")).isFalse();
        assertThat(body.has("logit_bias")).isFalse();
        assertThat(body.path("messages")).hasSize(1);
    }
}
