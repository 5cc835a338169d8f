package dev.switchboard.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.models.messages.Tool;
import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One tool in each SDK's terms, with a schema whose arguments can be checked: a free string and an enum. */
final class WeatherTool {

    static final String NAME = "get_weather";

    private static final Map<String, Object> PROPERTIES = Map.of(
            "city", Map.of("type", "string", "description", "City name"),
            "unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit")));

    private WeatherTool() {
    }

    static FunctionDefinition openAi() {
        return FunctionDefinition.builder().name(NAME).description("Current weather in a city")
                .parameters(FunctionParameters.builder()
                        .putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(PROPERTIES))
                        .putAdditionalProperty("required", JsonValue.from(List.of("city", "unit")))
                        .build())
                .build();
    }

    static Tool anthropic() {
        Tool.InputSchema.Properties.Builder properties = Tool.InputSchema.Properties.builder();
        PROPERTIES.forEach((name, schema) ->
                properties.putAdditionalProperty(name, com.anthropic.core.JsonValue.from(schema)));
        return Tool.builder().name(NAME).description("Current weather in a city")
                .inputSchema(Tool.InputSchema.builder().properties(properties.build())
                        .required(List.of("city", "unit")).build())
                .build();
    }

    /** Parses the arguments JSON and checks it fills the schema. */
    static JsonNode assertValidArguments(String json) {
        JsonNode arguments = Conformance.JSON.readTree(json);
        assertThat(arguments.isObject()).as("arguments %s are a JSON object", json).isTrue();
        assertThat(arguments.path("city").isString()).as("city in %s", json).isTrue();
        assertThat(arguments.path("unit").asString()).as("unit in %s", json).isIn("celsius", "fahrenheit");
        return arguments;
    }
}
