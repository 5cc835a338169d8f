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

class ContentValidatorTests {

    private static String user(String part) {
        return "[{\"role\":\"user\",\"content\":[" + part + "]}]";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"text\",\"text\":\"describe this\"}",
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}",
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,iVBORw0KGgo=\",\"detail\":\"low\"}}",
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\",\"detail\":\"auto\"}}",
            "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\",\"detail\":\"high\"}}",
            "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGRg==\",\"format\":\"wav\"}}",
            "{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"SUQz\",\"format\":\"mp3\"}}",
            "{\"type\":\"file\",\"file\":{\"file_id\":\"file-abc\"}}",
            "{\"type\":\"file\",\"file\":{\"file_data\":\"data:application/pdf;base64,JVBERi0=\",\"filename\":\"a.pdf\"}}"
    })
    void acceptsEachUserContentPart(String part) {
        assertThatCode(() -> accepted(withMessages(user(part)))).doesNotThrowAnyException();
    }

    @Test
    void acceptsMixedPartsInOneUserMessage() {
        assertThat(accepted(withMessages(user("{\"type\":\"text\",\"text\":\"what is this?\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}"))).messages()
                .get(0).get("content")).hasSize(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "text"                                                             | messages[0].content[0]
            {"text":"hi"}                                                      | messages[0].content[0].type
            {"type":"video","video":{}}                                        | messages[0].content[0].type
            {"type":5,"text":"hi"}                                             | messages[0].content[0].type
            {"type":"refusal","refusal":"no"}                                  | messages[0].content[0].type
            {"type":"text"}                                                    | messages[0].content[0].text
            {"type":"text","text":5}                                           | messages[0].content[0].text
            {"type":"text","text":"hi","cache_control":{"type":"ephemeral"}}   | messages[0].content[0].cache_control
            {"type":"text","text":"hi","image_url":{"url":"u"}}                | messages[0].content[0].image_url
            {"type":"image_url","image_url":"https://example.com/a.png"}       | messages[0].content[0].image_url
            {"type":"image_url"}                                               | messages[0].content[0].image_url
            {"type":"image_url","image_url":{}}                                | messages[0].content[0].image_url.url
            {"type":"image_url","image_url":{"url":5}}                         | messages[0].content[0].image_url.url
            {"type":"image_url","image_url":{"url":"u","detail":"ultra"}}      | messages[0].content[0].image_url.detail
            {"type":"image_url","image_url":{"url":"u","media_type":"png"}}    | messages[0].content[0].image_url.media_type
            {"type":"input_audio","input_audio":{"data":"x"}}                  | messages[0].content[0].input_audio.format
            {"type":"input_audio","input_audio":{"format":"wav"}}              | messages[0].content[0].input_audio.data
            {"type":"input_audio","input_audio":{"data":"x","format":"ogg"}}   | messages[0].content[0].input_audio.format
            {"type":"file","file":{}}                                          | messages[0].content[0].file
            {"type":"file","file":{"filename":"a.pdf"}}                        | messages[0].content[0].file
            {"type":"file","file":{"file_id":5}}                               | messages[0].content[0].file.file_id
            {"type":"file","file":{"file_id":"f","url":"u"}}                   | messages[0].content[0].file.url
            {"type":"file","file":"file-abc"}                                  | messages[0].content[0].file
            """)
    void rejectsMalformedUserPartsNamingTheField(String part, String param) {
        rejected(withMessages(user(part)), param);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            system    | {"type":"image_url","image_url":{"url":"u"}}
            developer | {"type":"input_audio","input_audio":{"data":"x","format":"wav"}}
            assistant | {"type":"image_url","image_url":{"url":"u"}}
            tool      | {"type":"file","file":{"file_id":"f"}}
            """)
    void rejectsPartsTheRoleCannotCarry(String role, String part) {
        String message = "{\"role\":\"" + role + "\",\"content\":[" + part + "]"
                + ("tool".equals(role) ? ",\"tool_call_id\":\"c\"" : "") + "}";
        String prefix = "tool".equals(role) ? "{\"role\":\"user\",\"content\":\"a\"},{\"role\":\"assistant\","
                + "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                : "{\"role\":\"user\",\"content\":\"a\"},";
        int index = "tool".equals(role) ? 2 : 1;

        assertThat(rejected(withMessages("[" + prefix + message + "]"), "messages[" + index + "].content[0].type")
                .getMessage()).contains("Supported types here");
    }

    @Test
    void namesTheFailingPartByItsPosition() {
        rejected(withMessages(user("{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"text\",\"text\":\"b\"},"
                + "{\"type\":\"text\"}")), "messages[0].content[2].text");
    }
}
