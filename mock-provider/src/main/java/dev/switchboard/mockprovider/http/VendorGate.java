package dev.switchboard.mockprovider.http;

import dev.switchboard.mockprovider.fault.Fault;
import dev.switchboard.mockprovider.fault.FaultRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.function.Function;

/**
 * The steps every vendor request passes before an endpoint answers: pick the fault (model rule, overridden by the
 * {@code x-mock-fault} header), hang or wait, check credentials, then answer with an injected status if asked.
 */
public final class VendorGate {

    private static final Logger log = LoggerFactory.getLogger(VendorGate.class);

    private final FaultRules rules;

    public VendorGate(FaultRules rules) {
        this.rules = rules;
    }

    /** A request that passed the gate: the fault still to apply to the body, and the vendor request id sent. */
    public record Call(Exchange exchange, Fault fault, String requestId) {
    }

    /**
     * @param model    model named by the request (for per-model rules), or null when unknown
     * @param endpoint produces the answer once the gate lets the request through
     */
    public Mono<Void> pass(Exchange exchange, VendorApi api, String model, Function<Call, Mono<Void>> endpoint) {
        String requestId = api.newRequestId();
        if (api.requestIdHeader() != null) {
            exchange.response().header(api.requestIdHeader(), requestId);
        }
        Fault headerFault;
        try {
            headerFault = Fault.parse(exchange.header("x-mock-fault"));
        } catch (IllegalArgumentException e) {
            return Replies.error(exchange, api.error(400, "x-mock-fault: " + e.getMessage(), requestId));
        }
        Fault fault = rules.take(model).map(rule -> rule.overriddenBy(headerFault)).orElse(headerFault);
        if (fault != Fault.NONE) {
            log.debug("{} {} for model {} gets fault {}", api.vendor().wireName(), exchange.path(), model, fault);
        }
        if (fault.hangs()) {
            return Mono.never();
        }
        Mono<Void> answer = Mono.defer(() -> {
            ErrorReply rejected = api.checkCredentials(exchange, requestId);
            if (rejected != null) {
                return Replies.error(exchange, rejected);
            }
            if (fault.status() != null) {
                ErrorReply reply = api.error(fault.status(), injectedMessage(exchange, fault.status()), requestId);
                Integer retryAfter = fault.retryAfterFor(fault.status());
                return Replies.error(exchange,
                        retryAfter == null ? reply : reply.withHeader("retry-after", retryAfter.toString()));
            }
            return endpoint.apply(new Call(exchange, fault, requestId));
        });
        return fault.latency() > 0 ? Mono.delay(Duration.ofMillis(fault.latency())).then(answer) : answer;
    }

    /**
     * An injected 401 or 403 quotes the credential the request presented, in full, as careless providers and
     * proxies do: a gateway must never pass such a message on. Other statuses use the vendor's default text.
     */
    private static String injectedMessage(Exchange exchange, int status) {
        if (status != 401 && status != 403) {
            return null;
        }
        return "Incorrect API key provided: " + presentedCredential(exchange) + ".";
    }

    private static String presentedCredential(Exchange exchange) {
        String authorization = exchange.header("authorization");
        if (authorization != null) {
            return authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization;
        }
        for (String header : new String[] {"x-api-key", "x-goog-api-key", "api-key"}) {
            if (exchange.header(header) != null) {
                return exchange.header(header);
            }
        }
        String uri = exchange.request().uri();
        int key = uri.indexOf("key=");
        return key < 0 ? "(none)" : uri.substring(key + 4).split("&")[0];
    }
}
