package dev.switchboard.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A servlet service logging as structured JSON (ECS, the services' default): a line logged while serving an
 * internal call carries the {@code x-request-id} the edge sent, and a line logged after it does not. Without an
 * OTLP endpoint the service traces nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=svc-secret", "switchboard.security.admin-token=adm-secret",
        "logging.structured.format.console=ecs"})
@ExtendWith(OutputCaptureExtension.class)
class RequestIdLoggingIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @SpringBootApplication
    @RestController
    static class LoggingService {

        private static final Logger log = LoggerFactory.getLogger(LoggingService.class);

        @GetMapping("/internal/v1/logged")
        String logged() {
            log.info("serving a logged call");
            return "ok";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void jsonLogLineOfARequestCarriesItsRequestId(CapturedOutput output) {
        RestClient.create("http://localhost:" + port).get().uri("/internal/v1/logged")
                .header("x-switchboard-service-token", "svc-secret").header("x-request-id", "req_0123abcd")
                .retrieve().toBodilessEntity();
        LoggerFactory.getLogger(RequestIdLoggingIntegrationTests.class).info("after the call");

        JsonNode during = line(output, "serving a logged call");
        JsonNode after = line(output, "after the call");
        assertThat(requestId(during)).isEqualTo("req_0123abcd");
        assertThat(during.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(requestId(after)).as("the MDC entry ends with the call").isNull();
    }

    @Test
    void tracesNothingWithoutAnOtlpEndpoint() {
        assertThat(context.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
        assertThat(context.getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class)).isEmpty();
    }

    private static JsonNode line(CapturedOutput output, String message) {
        List<JsonNode> lines = output.getOut().lines().filter(line -> line.startsWith("{"))
                .map(JSON::readTree).filter(node -> message.equals(node.path("message").asString())).toList();
        assertThat(lines).as("JSON lines with message '%s'", message).hasSize(1);
        return lines.get(0);
    }

    /** ECS writes a dotted MDC key either flat or nested, depending on the formatter's version. */
    private static String requestId(JsonNode line) {
        JsonNode flat = line.path("request.id");
        JsonNode nested = line.path("request").path("id");
        return flat.isString() ? flat.asString() : nested.isString() ? nested.asString() : null;
    }
}
