package dev.switchboard.edge.provider;

import static dev.switchboard.edge.provider.ChatBodies.accepted;
import static dev.switchboard.edge.provider.ChatBodies.rejected;
import static dev.switchboard.edge.provider.ChatBodies.withFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ToolsValidatorTests {

    private static final String TOOLS = """
            "tools":[{"type":"function","function":{"name":"get_weather","description":"Weather by city",
              "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},
              "strict":true}},
             {"type":"function","function":{"name":"get-time_2"}}]""";
    private static final String FUNCTIONS = """
            "functions":[{"name":"get_weather","description":"Weather","parameters":{"type":"object"}}]""";

    private static String tool(String function) {
        return "\"tools\":[{\"type\":\"function\",\"function\":" + function + "}]";
    }

    @ParameterizedTest
    @ValueSource(strings = {
            TOOLS,
            TOOLS + ",\"tool_choice\":\"none\"",
            TOOLS + ",\"tool_choice\":\"auto\"",
            TOOLS + ",\"tool_choice\":\"required\"",
            TOOLS + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"get-time_2\"}}",
            TOOLS + ",\"parallel_tool_calls\":false",
            "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"strict\":null}}]",
            FUNCTIONS,
            FUNCTIONS + ",\"function_call\":\"none\"",
            FUNCTIONS + ",\"function_call\":\"auto\"",
            FUNCTIONS + ",\"function_call\":{\"name\":\"get_weather\"}",
            TOOLS + "," + FUNCTIONS
    })
    void acceptsFunctionToolsAndTheDeprecatedFunctions(String fields) {
        assertThatCode(() -> accepted(withFields(fields))).doesNotThrowAnyException();
    }

    @Test
    void acceptsA64CharacterNameAnd128Tools() {
        String tools = IntStream.range(0, 128)
                .mapToObj(i -> "{\"type\":\"function\",\"function\":{\"name\":\"" + "f".repeat(61) + String.format("%03d", i)
                        + "\"}}")
                .collect(Collectors.joining(",", "\"tools\":[", "]"));

        assertThat(accepted(withFields(tools)).body().get("tools")).hasSize(128);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "tools":[]                                                          | tools
            "tools":{}                                                          | tools
            "tools":["f"]                                                       | tools[0]
            "tools":[{"function":{"name":"f"}}]                                 | tools[0].type
            "tools":[{"type":"custom","custom":{"name":"f"}}]                   | tools[0].type
            "tools":[{"type":"web_search"}]                                     | tools[0].type
            "tools":[{"type":"function"}]                                       | tools[0].function
            "tools":[{"type":"function","function":{"name":"f"},"cache_control":{}}] | tools[0].cache_control
            "tools":[{"type":"function","function":"f"}]                        | tools[0].function
            "tools":[{"type":"function","function":{"description":"d"}}]        | tools[0].function.name
            "tools":[{"type":"function","function":{"name":"get weather"}}]     | tools[0].function.name
            "tools":[{"type":"function","function":{"name":""}}]                | tools[0].function.name
            "tools":[{"type":"function","function":{"name":"a.b"}}]             | tools[0].function.name
            "tools":[{"type":"function","function":{"name":5}}]                 | tools[0].function.name
            "tools":[{"type":"function","function":{"name":"f","description":5}}] | tools[0].function.description
            "tools":[{"type":"function","function":{"name":"f","parameters":"{}"}}] | tools[0].function.parameters
            "tools":[{"type":"function","function":{"name":"f","strict":"yes"}}] | tools[0].function.strict
            "tools":[{"type":"function","function":{"name":"f","examples":[]}}] | tools[0].function.examples
            "tool_choice":"auto"                                                | tool_choice
            "tool_choice":"none"                                                | tool_choice
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"any" | tool_choice
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":5 | tool_choice
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"g"}} | tool_choice.function.name
            "tool_choice":{"type":"function","function":{"name":"g"}},"tools":[{"type":"function","function":{"name":"f"}}] | tool_choice.function.name
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"allowed_tools","allowed_tools":{}} | tool_choice.type
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function"} | tool_choice.function
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"function":{"name":"f"}} | tool_choice.type
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{}} | tool_choice.function.name
            "tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":{"type":"function","function":{"name":"f","x":1}} | tool_choice.function.x
            "parallel_tool_calls":true                                          | parallel_tool_calls
            "tools":[{"type":"function","function":{"name":"f"}}],"parallel_tool_calls":"yes" | parallel_tool_calls
            "functions":[]                                                      | functions
            "functions":[{"description":"d"}]                                   | functions[0].name
            "functions":[{"name":"f","strict":true}]                            | functions[0].strict
            "functions":[{"name":"f"}],"function_call":"required"               | function_call
            "functions":[{"name":"f"}],"function_call":{"name":"g"}             | function_call.name
            "functions":[{"name":"f"}],"function_call":{"name":"f","arguments":"{}"} | function_call.arguments
            "function_call":"auto"                                              | function_call
            """)
    void rejectsMalformedToolsAndChoicesNamingTheField(String fields, String param) {
        rejected(withFields(fields), param);
    }

    @Test
    void rejectsMoreThan128Tools() {
        String tools = IntStream.range(0, 129)
                .mapToObj(i -> "{\"type\":\"function\",\"function\":{\"name\":\"f" + i + "\"}}")
                .collect(Collectors.joining(",", "\"tools\":[", "]"));

        rejected(withFields(tools), "tools");
    }

    @Test
    void rejectsNamesLongerThan64Characters() {
        rejected(withFields(tool("{\"name\":\"" + "f".repeat(65) + "\"}")), "tools[0].function.name");
    }

    @Test
    void saysCustomToolsAreNotServed() {
        assertThat(rejected(withFields("\"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"f\"}}]"), "tools[0].type")
                .getMessage()).contains("function tools only");
    }

    @Test
    void saysAToolChoiceNeedsTools() {
        assertThat(rejected(withFields("\"tool_choice\":\"required\""), "tool_choice").getMessage())
                .contains("only allowed when 'tools' are specified");
    }
}
