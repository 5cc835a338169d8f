package dev.switchboard.contracts.routing;

/**
 * One model of a {@link ModelCatalog}.
 *
 * @param id      the public model name clients send
 * @param ownedBy the provider deployment that serves it
 * @param created when it entered the registry, in epoch seconds (OpenAI's {@code created})
 */
public record CatalogModel(String id, String ownedBy, long created) {
}
