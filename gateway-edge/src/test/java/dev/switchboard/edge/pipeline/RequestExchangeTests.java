package dev.switchboard.edge.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.quota.AdmissionDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestExchangeTests {

    @Test
    void usageEventCarriesTheReservationAdmissionGranted() {
        RequestExchange exchange = new RequestExchange("req-1");
        exchange.authenticated(new AuthenticatedKey("key-1", "team-1", "ci", List.of(), true));
        exchange.admitted(AdmissionDecision.admit("res-42", 10));

        assertThat(exchange.toUsageEvent(200, null).reservationId()).isEqualTo("res-42");
    }

    @Test
    void usageEventOfARequestRefusedBeforeAdmissionHasNoReservation() {
        RequestExchange exchange = new RequestExchange("req-2");
        exchange.authenticated(new AuthenticatedKey("key-1", "team-1", "ci", List.of(), true));

        assertThat(exchange.toUsageEvent(429, "rate_limit_error").reservationId()).isNull();
    }
}
