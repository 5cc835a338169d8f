package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.ChatBodies.accepted;
import static dev.switchboard.edge.provider.ChatBodies.rejected;
import static dev.switchboard.edge.provider.ChatBodies.withMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class ChatMessagesValidatorTests {

    private static final String CALL = """
            {"role":"assistant","content":null,"tool_calls":[
              {"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\\"city\\":\\"Oslo\\"}"}},
              {"id":"call_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]}""";
    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";

    @ParameterizedTest
    @ValueSource(strings = {
            "[{\"role\":\"system\",\"content\":\"be brief\",\"name\":\"ops\"}," + USER + "]",
            "[{\"role\":\"developer\",\"content\":[{\"type\":\"text\",\"text\":\"be brief\"}]}," + USER + "]",
            "[{\"role\":\"user\",\"content\":\"\",\"name\":\"alice\"}]",
            "[" + USER + ",{\"role\":\"assistant\",\"content\":\"hello\",\"name\":\"bot\",\"refusal\":null}," + USER + "]",
            "[" + USER + ",{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                    + "{\"type\":\"refusal\",\"refusal\":\"no\"}]}]",
            "[" + USER + ",{\"role\":\"assistant\",\"refusal\":\"I can't\",\"content\":\"I can't\"}]",
            "[" + USER + ",{\"role\":\"assistant\",\"audio\":{\"id\":\"audio_1\"}}," + USER + "]",
            "[" + USER + ",{\"role\":\"assistant\",\"function_call\":{\"name\":\"f\",\"arguments\":\"{}\"}},"
                    + "{\"role\":\"function\",\"name\":\"f\",\"content\":\"42\"}]",
            "[{\"role\":\"function\",\"name\":\"f\",\"content\":null}]",
            "[" + USER + "," + CALL + ",{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"12:00\"},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":[{\"type\":\"text\",\"text\":\"sun\"}]},"
                    + USER + "]",
            "[" + USER + ",{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                    + "\"function\":{\"name\":\"f\",\"arguments\":\"not json, sent back as the model wrote it\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"ok\"}]"
    })
    void acceptsEveryRoleInItsDocumentedShapes(String messages) {
        assertThatCode(() -> accepted(withMessages(messages))).doesNotThrowAnyException();
    }

    @Test
    void removesNullOptionalFieldsButKeepsNullContent() {
        JsonNode messages = accepted(withMessages("[{\"role\":\"user\",\"content\":\"hi\",\"name\":null},"
                + "{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"function_call\":null,\"audio\":null,"
                + "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"ok\"}]")).messages();

        assertThat(messages.get(0).propertyNames()).containsExactly("role", "content");
        assertThat(messages.get(1).propertyNames()).containsExactly("role", "content", "tool_calls");
        assertThat(messages.get(1).get("content").isNull()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ["hi"]                                                   | messages[0]
            [{"content":"hi"}]                                       | messages[0].role
            [{"role":"bot","content":"hi"}]                          | messages[0].role
            [{"role":5,"content":"hi"}]                              | messages[0].role
            [{"role":null,"content":"hi"}]                           | messages[0].role
            [{"role":"user","content":"hi","cache_control":{}}]      | messages[0].cache_control
            [{"role":"user","content":"hi","tool_call_id":"c"}]      | messages[0].tool_call_id
            [{"role":"user","content":"hi","refusal":"no"}]          | messages[0].refusal
            [{"role":"system","content":"hi","tool_calls":[]}]       | messages[0].tool_calls
            [{"role":"user","content":"hi","name":5}]                | messages[0].name
            [{"role":"user"}]                                        | messages[0].content
            [{"role":"system","content":null}]                       | messages[0].content
            [{"role":"user","content":5}]                            | messages[0].content
            [{"role":"user","content":{"type":"text","text":"hi"}}]  | messages[0].content
            [{"role":"user","content":[]}]                           | messages[0].content
            [{"role":"user","content":"a"},{"role":"assistant"}]     | messages[1].content
            [{"role":"user","content":"a"},{"role":"assistant","content":null}] | messages[1].content
            [{"role":"user","content":"a"},{"role":"assistant","content":"b","refusal":1}] | messages[1].refusal
            [{"role":"user","content":"a"},{"role":"assistant","function_call":{"name":"f"}}] | messages[1].function_call.arguments
            [{"role":"user","content":"a"},{"role":"assistant","function_call":{"name":"f","arguments":{}}}] | messages[1].function_call.arguments
            [{"role":"user","content":"a"},{"role":"assistant","function_call":"f"}] | messages[1].function_call
            [{"role":"user","content":"a"},{"role":"assistant","audio":{}}] | messages[1].audio.id
            [{"role":"user","content":"a"},{"role":"assistant","audio":{"id":"x","data":"y"}}] | messages[1].audio.data
            [{"role":"function","content":"42"}]                     | messages[0].name
            [{"role":"function","name":null,"content":"42"}]         | messages[0].name
            [{"role":"function","name":"f"}]                         | messages[0].content
            [{"role":"function","name":"f","content":[{"type":"text","text":"42"}]}] | messages[0].content
            [{"role":"user","content":"a"},{"role":"tool","tool_call_id":"c","content":"ok"}] | messages[1].role
            """)
    void rejectsMalformedMessagesNamingTheField(String messages, String param) {
        rejected(withMessages(messages), param);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"role":"assistant","tool_calls":[]}                                             | messages[1].tool_calls
            {"role":"assistant","tool_calls":{}}                                             | messages[1].tool_calls
            {"role":"assistant","tool_calls":["c"]}                                          | messages[1].tool_calls[0]
            {"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]} | messages[1].tool_calls[0].id
            {"role":"assistant","tool_calls":[{"id":1,"type":"function","function":{"name":"f","arguments":"{}"}}]} | messages[1].tool_calls[0].id
            {"role":"assistant","tool_calls":[{"id":"c","function":{"name":"f","arguments":"{}"}}]} | messages[1].tool_calls[0].type
            {"role":"assistant","tool_calls":[{"id":"c","type":"custom","custom":{"name":"f","input":"x"}}]} | messages[1].tool_calls[0].type
            {"role":"assistant","tool_calls":[{"id":"c","type":"function"}]}                 | messages[1].tool_calls[0].function
            {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":"f"}]}  | messages[1].tool_calls[0].function
            {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"arguments":"{}"}}]} | messages[1].tool_calls[0].function.name
            {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f"}}]} | messages[1].tool_calls[0].function.arguments
            {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":{"a":1}}}]} | messages[1].tool_calls[0].function.arguments
            {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}","x":1}}]} | messages[1].tool_calls[0].function.x
            {"role":"assistant","tool_calls":[{"id":"c","type":"function","index":0,"function":{"name":"f","arguments":"{}"}}]} | messages[1].tool_calls[0].index
            """)
    void rejectsMalformedToolCallsNamingTheField(String assistant, String param) {
        rejected(withMessages("[" + USER + "," + assistant + "]"), param);
    }

    @Test
    void requiresEveryToolCallToBeAnsweredBeforeTheConversationMovesOn() {
        String partlyAnswered = "[" + USER + "," + CALL + ",{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"sun\"},"
                + USER + "]";

        assertThat(rejected(withMessages(partlyAnswered), "messages[1].tool_calls").getMessage())
                .contains("call_2").doesNotContain("call_1,");
        rejected(withMessages("[" + USER + "," + CALL + "]"), "messages[1].tool_calls");
    }

    @Test
    void requiresToolMessagesToAnswerACallOfTheAssistantMessageBeforeThem() {
        rejected(withMessages("[" + USER + "," + CALL + ",{\"role\":\"tool\",\"tool_call_id\":\"call_9\",\"content\":\"x\"}]"),
                "messages[2].tool_call_id");
        rejected(withMessages("[" + USER + "," + CALL + ",{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"a\"},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"call_2\",\"content\":\"b\"}," + USER
                + ",{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"late\"}]"), "messages[5].role");
    }

    @Test
    void requiresToolMessagesToCarryAnIdAndContent() {
        String call = "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}";

        rejected(withMessages("[" + USER + "," + call + ",{\"role\":\"tool\",\"content\":\"x\"}]"), "messages[2].tool_call_id");
        rejected(withMessages("[" + USER + "," + call + ",{\"role\":\"tool\",\"tool_call_id\":\"c\"}]"), "messages[2].content");
        rejected(withMessages("[" + USER + "," + call + ",{\"role\":\"tool\",\"tool_call_id\":5,\"content\":\"x\"}]"),
                "messages[2].tool_call_id");
        rejected(withMessages("[" + USER + "," + call + ",{\"role\":\"tool\",\"tool_call_id\":\"c\",\"content\":\"x\","
                + "\"name\":\"f\"}]"), "messages[2].name");
    }
}
