package dev.switchboard.edge.quota;

import dev.switchboard.contracts.quota.AdmissionCandidate;
import dev.switchboard.contracts.quota.AdmissionDecision;
import dev.switchboard.contracts.quota.AdmissionRequest;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.internal.InternalServiceClient;
import dev.switchboard.edge.internal.ServiceResponse;
import dev.switchboard.edge.internal.ServiceUnavailableException;
import dev.switchboard.edge.metrics.QuotaRefusalMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Asks quota-service to admit a request, and gives its reservation back when the request ended with nothing
 * billed. Admission fails closed: when quota-service cannot answer, the request is refused with 503 rather than
 * let through unmetered. Release never fails its caller: the lease's expiry is the backstop.
 */
@Component
public class AdmissionClient {

    /** Waits before the 2nd, 3rd and 4th release attempt: long enough to ride out a quota-service restart blip. */
    static final List<Duration> RELEASE_BACKOFF =
            List.of(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(1600));

    private static final Logger log = LoggerFactory.getLogger(AdmissionClient.class);
    private static final Map<String, Object> NO_BODY = Map.of();

    private final InternalServiceClient quota;
    private final Counter released;
    private final Counter releaseFailed;
    private final QuotaRefusalMetrics refusals;

    AdmissionClient(@Qualifier("quotaServiceClient") InternalServiceClient quota, MeterRegistry meters,
                    QuotaRefusalMetrics refusals) {
        this.quota = quota;
        this.refusals = refusals;
        this.released = releases(meters, "released");
        this.releaseFailed = releases(meters, "failed");
    }

    /**
     * The admitted decision; a refusal arrives as a {@link GatewayException} the client can be shown, and so does
     * a quota-service that cannot decide (503 with {@code Retry-After}).
     */
    public Mono<AdmissionDecision> admit(AdmissionRequest request) {
        return quota.post("/internal/v1/admissions", request, AdmissionDecision.class)
                .onErrorMap(ServiceUnavailableException.class, e -> unavailable(request))
                .map(response -> {
                    if (!response.ok()) {
                        throw unavailable(request);
                    }
                    AdmissionDecision decision = response.body();
                    if (!decision.admitted()) {
                        refusals.refused(request.teamId(), decision.reason());
                        throw AdmissionRefusal.of(decision);
                    }
                    return decision;
                });
    }

    private GatewayException unavailable(AdmissionRequest request) {
        refusals.refused(request.teamId(), QuotaRefusalMetrics.UNAVAILABLE);
        return GatewayException.unavailable("Admission is temporarily unavailable.");
    }

    /** A resolved route's candidates as admission reserves over them, primary first. */
    public static List<AdmissionCandidate> candidates(List<RouteCandidate> resolved) {
        List<AdmissionCandidate> candidates = new ArrayList<>(resolved.size());
        for (RouteCandidate candidate : resolved) {
            candidates.add(new AdmissionCandidate(candidate.model(), candidate.price()));
        }
        return candidates;
    }

    /**
     * Releases the reservation, retrying on 5xx and transport failures with {@link #RELEASE_BACKOFF} on Reactor
     * timers. Completes empty in every case; a release that still fails is logged once and left to expire.
     */
    public Mono<Void> release(String reservationId) {
        if (reservationId == null) {
            return Mono.empty();
        }
        return quota.post("/internal/v1/reservations/" + reservationId + "/release", NO_BODY, Void.class)
                .flatMap(AdmissionClient::requireReleased)
                .retryWhen(Retry.from(signals -> signals.concatMap(signal -> retryable(signal.failure())
                        && signal.totalRetries() < RELEASE_BACKOFF.size()
                        ? Mono.delay(RELEASE_BACKOFF.get((int) signal.totalRetries())).thenReturn(signal)
                        : Mono.error(signal.failure()))))
                .doOnNext(response -> released.increment())
                .onErrorResume(e -> {
                    releaseFailed.increment();
                    log.warn("Could not release reservation {}; its lease will expire instead: {}",
                            reservationId, describe(e));
                    return Mono.empty();
                })
                .then();
    }

    private static Mono<ServiceResponse<Void>> requireReleased(ServiceResponse<Void> response) {
        return response.ok() ? Mono.just(response) : Mono.error(new ReleaseRefused(response));
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause == null ? failure.getMessage() : failure.getMessage() + " (" + cause + ")";
    }

    /** A 4xx (malformed id, wrong token) will not change on a retry; a 5xx or a lost connection may. */
    private static boolean retryable(Throwable failure) {
        return failure instanceof ServiceUnavailableException
                || failure instanceof ReleaseRefused refused && refused.status >= 500;
    }

    private static Counter releases(MeterRegistry meters, String outcome) {
        return Counter.builder("switchboard.edge.reservation.releases")
                .description("Reservation releases sent to quota-service, by final outcome after retries")
                .tag("outcome", outcome)
                .register(meters);
    }

    /** quota-service answered a release with an error status. */
    private static final class ReleaseRefused extends RuntimeException {

        private final int status;

        ReleaseRefused(ServiceResponse<?> response) {
            super("quota-service answered " + response.status()
                    + (response.error() == null ? "" : " " + response.error().type()), null, false, false);
            this.status = response.status();
        }
    }
}
