package dev.switchboard.routing.transfer;

import java.util.List;
import java.util.Map;

/**
 * One entity type in the registry file, e.g. {@code providers}. Each entry is the entity's key field plus the
 * body its REST PUT takes, so a file entry and an API call are validated alike. Adding a type to the file is one
 * Spring bean implementing this, in the entity's own package.
 *
 * @param <R> the PUT body record
 */
public interface RegistrySection<R> {

    /** The top-level key in the file, such as {@code models}. */
    String name();

    /** The field that names an entry, such as {@code id} or {@code name}. */
    String keyField();

    Class<R> requestType();

    /**
     * Where the section applies: lower first. Entries that others refer to come first (providers before models
     * before aliases before routes); pruning runs in the opposite order.
     */
    int order();

    /** Every stored entity by key, in key order, as the body that would recreate it. */
    Map<String, R> export();

    /** Checks the key's syntax, as the REST path does; throws a 400 whose message starts with the field. */
    void checkKey(String key);

    /** Creates or updates one entity unless it already matches; audits a change. Runs inside the import. */
    Change apply(String key, R request);

    /** The keys of every stored entity, for pruning. */
    List<String> keys();

    /** Deletes and audits one entity; the same conflicts as the REST DELETE. Runs inside the import. */
    void delete(String key);

    /**
     * Checks what holds only for the section as a whole, once every entry is applied and pruned, e.g. that no two
     * routes share a position after a reorder; throws a {@code ServiceException} when it does not hold.
     */
    default void checkWhole() {
    }
}
