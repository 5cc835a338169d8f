package dev.switchboard.serviceweb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "switchboard.security.service-token=svc-secret", "switchboard.security.admin-token=adm-secret"})
class ServiceWebIntegrationTests {

    @SpringBootApplication
    @RestController
    static class SampleService {

        record Payload(@jakarta.validation.constraints.NotBlank String name) {
        }

        @GetMapping("/internal/v1/ping")
        String internalPing() {
            return "pong";
        }

        @GetMapping("/api/v1/echo")
        String echo(@RequestParam String text) {
            return text;
        }

        @PostMapping("/api/v1/payloads")
        String create(@RequestBody @jakarta.validation.Valid Payload payload) {
            return payload.name();
        }

        @GetMapping("/api/v1/payloads/first")
        Payload first() {
            return new Payload("first");
        }

        @GetMapping("/api/v1/missing")
        String missing() {
            throw ServiceException.notFound("no such thing");
        }

        @GetMapping("/api/v1/broken")
        String broken() {
            throw new IllegalStateException("secret internals");
        }
    }

    @LocalServerPort
    int port;

    private ResponseEntity<String> get(String path, String header, String value) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .headers(headers -> {
                    if (header != null) {
                        headers.set(header, value);
                    }
                })
                .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
                        .body(new String(response.getBody().readAllBytes())));
    }

    private ResponseEntity<String> admin(String path) {
        return get(path, "Authorization", "Bearer adm-secret");
    }

    @Test
    void letsInternalCallsWithTheServiceTokenThrough() {
        assertThat(get("/internal/v1/ping", "x-switchboard-service-token", "svc-secret").getBody()).isEqualTo("pong");
    }

    @Test
    void refusesInternalCallsWithoutTheServiceToken() {
        ResponseEntity<String> response = get("/internal/v1/ping", "x-switchboard-service-token", "wrong");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatusCode.valueOf(401));
        assertThat(response.getBody()).contains("\"type\":\"authentication\"");
    }

    @Test
    void refusesAdminCallsWithTheServiceTokenInsteadOfTheAdminToken() {
        assertThat(get("/api/v1/echo?text=x", "Authorization", "Bearer svc-secret").getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void cannotBeBypassedWithEncodedOrParameterisedPaths() throws Exception {
        for (String path : new String[] {"/%61pi/v1/echo?text=x", "/api;x=1/v1/echo?text=x",
                "/internal;a/v1/ping", "/%69nternal/v1/ping", "/x/../api/v1/echo?text=x", "/API/v1/echo?text=x"}) {
            java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(400, 401);
            assertThat(response.body()).as(path).doesNotContain("pong").isNotEqualTo("x");
        }
    }

    @Test
    void keepsActuatorOpenAndEverythingElseClosed() {
        assertThat(get("/actuator/health", null, null).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/anything-else", null, null).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void answersAMissingParameterWith400() {
        ResponseEntity<String> response = admin("/api/v1/echo");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"type\":\"invalid_request\"");
    }

    @Test
    void answersAnInvalidBodyWith400NamingTheField() {
        ResponseEntity<String> response = RestClient.create("http://localhost:" + port).post().uri("/api/v1/payloads")
                .header("Authorization", "Bearer adm-secret").header("Content-Type", "application/json")
                .body("{\"name\":\"\"}")
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode())
                        .body(new String(answer.getBody().readAllBytes())));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("name:");
    }

    @Test
    void passesAServiceExceptionsStatusAndType() {
        ResponseEntity<String> response = admin("/api/v1/missing");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getBody()).contains("\"type\":\"not_found\"").contains("no such thing");
    }

    @Test
    void hidesTheDetailsOfUnexpectedFailures() {
        ResponseEntity<String> response = admin("/api/v1/broken");

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(response.getBody()).doesNotContain("secret internals").doesNotContain("Exception");
    }

    @Test
    void answersAnUnknownPathWith404() {
        assertThat(admin("/api/v1/nothing-here").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void answersAnAcceptHeaderItCannotMeetWithABare406(CapturedOutput output) {
        ResponseEntity<String> response = RestClient.create("http://localhost:" + port).get().uri("/api/v1/payloads/first")
                .header("Authorization", "Bearer adm-secret").header("Accept", "image/png")
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode())
                        .body(new String(answer.getBody().readAllBytes())), true);

        assertThat(response.getStatusCode().value()).isEqualTo(406);
        assertThat(response.getBody()).isEmpty();
        // a client's Accept header is not a server failure: nothing is logged as one
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("Failure in @ExceptionHandler");
    }
}
