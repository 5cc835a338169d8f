package dev.switchboard.edge.usage;

import dev.switchboard.contracts.usage.UsageEvent;
import java.util.List;
import org.springframework.stereotype.Component;

/** Where each request's one usage event goes: every {@link UsageObserver}, then the Kafka publisher. */
@Component
public class UsageEmitter {

    private final UsageObserver[] observers;
    private final UsagePublisher publisher;

    UsageEmitter(List<UsageObserver> observers, UsagePublisher publisher) {
        this.observers = observers.toArray(UsageObserver[]::new);
        this.publisher = publisher;
    }

    public void emit(UsageEvent event) {
        emit(event, null);
    }

    /**
     * @param traceparent the W3C trace context of the request's {@code publish} span, for the Kafka record's
     *                    headers; null when the request was not traced
     */
    public void emit(UsageEvent event, String traceparent) {
        for (UsageObserver observer : observers) {
            observer.observe(event);
        }
        publisher.publish(event, traceparent);
    }
}
