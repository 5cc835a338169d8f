package dev.switchboard.edge.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one classification table: what each failure allows retries, failover, breakers and billing to do. */
class FailureKindTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "400, REQUEST_REJECTED", "413, REQUEST_REJECTED", "422, REQUEST_REJECTED",
            "401, PROVIDER_AUTH", "403, PROVIDER_AUTH", "404, DEPLOYMENT_MISSING",
            "408, PROVIDER_TIMEOUT", "504, PROVIDER_TIMEOUT", "429, RATE_LIMITED",
            "500, SERVER_ERROR", "502, SERVER_ERROR", "599, SERVER_ERROR", "503, OVERLOADED", "529, OVERLOADED"})
    void classifiesProviderStatuses(int status, FailureKind kind) {
        assertThat(FailureKind.ofStatus(status)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}: retry {1}, failover {2}, breaker {3}, billable {4}")
    @CsvSource({
            "CONNECT_FAILED, YES, true, true, false",
            "CONNECTION_LOST, YES, true, true, false",
            "RATE_LIMITED, AS_LAST_RESORT, true, false, false",
            "OVERLOADED, YES, true, true, false",
            "SERVER_ERROR, YES, true, true, false",
            "PROVIDER_TIMEOUT, YES, true, true, false",
            "FIRST_TOKEN_TIMEOUT, NO, true, true, false",
            "TOTAL_TIMEOUT, NO, false, true, false",
            "PROVIDER_AUTH, NO, true, true, false",
            "DEPLOYMENT_MISSING, NO, true, true, false",
            "URL_REFUSED, NO, true, false, false",
            "BAD_RESPONSE, NO, true, true, false",
            "REQUEST_REJECTED, NO, false, false, false",
            "STREAM_BROKEN, NO, false, true, true",
            "CLIENT_CLOSED, NO, false, false, true",
            "HEDGE_LOST, NO, false, false, false"})
    void tableRow(FailureKind kind, FailureKind.Retry retry, boolean failover, boolean breaker, boolean billable) {
        assertThat(kind.retry()).isEqualTo(retry);
        assertThat(kind.failover()).isEqualTo(failover);
        assertThat(kind.breakerFailure()).isEqualTo(breaker);
        assertThat(kind.billable()).isEqualTo(billable);
    }

    @Test
    void aPoisonRequestIsNeitherRetriedNorFailedOverNorHeldAgainstTheProvider() {
        FailureKind poison = FailureKind.ofStatus(400);
        assertThat(poison.retry()).isEqualTo(FailureKind.Retry.NO);
        assertThat(poison.failover()).isFalse();
        assertThat(poison.breakerFailure()).isFalse();
    }

    @Test
    void theEdgesOwnTimerSaysWhichTimeoutFired() {
        assertThat(FailureKind.ofTimer("first_token", false)).isEqualTo(FailureKind.FIRST_TOKEN_TIMEOUT);
        assertThat(FailureKind.ofTimer("total", false)).isEqualTo(FailureKind.TOTAL_TIMEOUT);
        assertThat(FailureKind.ofTimer("idle", true)).isEqualTo(FailureKind.STREAM_BROKEN);
        assertThat(FailureKind.ofTimer("total", true)).isEqualTo(FailureKind.STREAM_BROKEN);
    }

    @Test
    void wireNamesAreLowerSnakeCase() {
        assertThat(FailureKind.FIRST_TOKEN_TIMEOUT.wireName()).isEqualTo("first_token_timeout");
        assertThat(FailureKind.CLIENT_CLOSED.wireName()).isEqualTo("client_closed");
    }

    @Test
    void onlyTimeoutKindsReadAsTimeouts() {
        for (FailureKind kind : FailureKind.values()) {
            boolean expected = kind == FailureKind.FIRST_TOKEN_TIMEOUT || kind == FailureKind.TOTAL_TIMEOUT
                    || kind == FailureKind.PROVIDER_TIMEOUT;
            assertThat(kind.timeout()).as(kind.name()).isEqualTo(expected);
        }
    }
}
