package dev.switchboard.edge.routing;

import static dev.switchboard.edge.routing.ChatBodiesForRouting.chat;
import static dev.switchboard.edge.routing.ChatBodiesForRouting.userSays;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.RequiredCapabilities;
import org.junit.jupiter.api.Test;

class ChatCapabilitiesTests {

    private static final String TOOL = """
            {"type":"function","function":{"name":"weather","parameters":{"type":"object","properties":{}}}}""";

    @Test
    void aPlainRequestNeedsNothing() {
        assertThat(ChatCapabilities.required(userSays("hi"))).isSameAs(RequiredCapabilities.NONE);
    }

    @Test
    void declaredToolsOrFunctionsNeedTools() {
        RequiredCapabilities tools = ChatCapabilities.required(chat("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[%s]}""".formatted(TOOL)));
        RequiredCapabilities functions = ChatCapabilities.required(chat("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],
                 "functions":[{"name":"weather","parameters":{"type":"object","properties":{}}}]}"""));

        assertThat(tools).isEqualTo(new RequiredCapabilities(true, false, false, false));
        assertThat(functions).isEqualTo(new RequiredCapabilities(true, false, false, false));
    }

    @Test
    void jsonResponseFormatsNeedStructuredOutputButTextDoesNot() {
        String body = """
                {"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":%s}""";

        assertThat(ChatCapabilities.required(chat(body.formatted("{\"type\":\"json_object\"}"))).structuredOutput())
                .isTrue();
        assertThat(ChatCapabilities.required(chat(body.formatted("""
                {"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object"}}}"""))))
                .isEqualTo(new RequiredCapabilities(false, true, false, false));
        assertThat(ChatCapabilities.required(chat(body.formatted("{\"type\":\"text\"}"))))
                .isSameAs(RequiredCapabilities.NONE);
    }

    @Test
    void anImagePartInAnyMessageNeedsVision() {
        RequiredCapabilities needs = ChatCapabilities.required(chat("""
                {"model":"m","messages":[{"role":"system","content":"be brief"},
                 {"role":"user","content":[{"type":"text","text":"what is this?"},
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}"""));

        assertThat(needs).isEqualTo(new RequiredCapabilities(false, false, true, false));
    }

    @Test
    void aReasoningEffortNeedsReasoning() {
        RequiredCapabilities needs = ChatCapabilities.required(chat("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"low","tools":[%s]}"""
                .formatted(TOOL)));

        assertThat(needs).isEqualTo(new RequiredCapabilities(true, false, false, true));
    }
}
