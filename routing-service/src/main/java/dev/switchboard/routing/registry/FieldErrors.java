package dev.switchboard.routing.registry;

import dev.switchboard.serviceweb.ServiceException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field-level mistakes of one admin request (checks that need the registry, which bean validation
 * cannot see), so the caller hears about all of them at once, in the shared {@code field: message; ...} shape.
 */
public final class FieldErrors {

    private final List<String> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(field + ": " + message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** A 400 naming every mistake, when there is one. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ServiceException.invalid(String.join("; ", errors));
        }
    }
}
