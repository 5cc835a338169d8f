package dev.switchboard.contracts.routing;

import java.util.List;

/** The models a team may use, as the edge lists them on {@code GET /v1/models}. */
public record ModelCatalog(List<CatalogModel> models) {

    public ModelCatalog {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
