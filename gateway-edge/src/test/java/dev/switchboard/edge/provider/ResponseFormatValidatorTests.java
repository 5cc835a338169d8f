package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.ChatBodies.accepted;
import static dev.switchboard.edge.provider.ChatBodies.rejected;
import static dev.switchboard.edge.provider.ChatBodies.withFields;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseFormatValidatorTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"text\"}",
            "{\"type\":\"json_object\"}",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"weather_report\"}}",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"weather-report_2\",\"description\":\"A report\","
                    + "\"schema\":{\"type\":\"object\",\"properties\":{\"t\":{\"type\":\"number\"}},"
                    + "\"required\":[\"t\"],\"additionalProperties\":false},\"strict\":true}}",
            "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"r\",\"strict\":null}}"
    })
    void acceptsTextJsonObjectAndJsonSchema(String format) {
        assertThatCode(() -> accepted(withFields("\"response_format\":" + format))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "json"                                                               | response_format
            {}                                                                   | response_format.type
            {"type":"xml"}                                                       | response_format.type
            {"type":1}                                                           | response_format.type
            {"type":"text","json_schema":{"name":"r"}}                           | response_format.json_schema
            {"type":"json_object","schema":{}}                                   | response_format.schema
            {"type":"json_schema"}                                               | response_format.json_schema
            {"type":"json_schema","json_schema":"r"}                             | response_format.json_schema
            {"type":"json_schema","json_schema":{}}                              | response_format.json_schema.name
            {"type":"json_schema","json_schema":{"name":"weather report"}}       | response_format.json_schema.name
            {"type":"json_schema","json_schema":{"name":"r","schema":"{}"}}      | response_format.json_schema.schema
            {"type":"json_schema","json_schema":{"name":"r","strict":"yes"}}     | response_format.json_schema.strict
            {"type":"json_schema","json_schema":{"name":"r","description":5}}    | response_format.json_schema.description
            {"type":"json_schema","json_schema":{"name":"r","format":"x"}}       | response_format.json_schema.format
            {"type":"json_schema","json_schema":{"name":"r"},"strict":true}      | response_format.strict
            """)
    void rejectsMalformedFormatsNamingTheField(String format, String param) {
        rejected(withFields("\"response_format\":" + format), param);
    }
}
