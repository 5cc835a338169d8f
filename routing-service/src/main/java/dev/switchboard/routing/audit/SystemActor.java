package dev.switchboard.routing.audit;

import java.util.function.Supplier;

/** Lets code that runs outside a request, such as the startup seed import, name itself in the audit log. */
public final class SystemActor {

    private SystemActor() {
    }

    public static <T> T callAs(String actor, Supplier<T> work) {
        return Actor.callAs(actor, work);
    }
}
