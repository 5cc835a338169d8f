package dev.switchboard.routing.model;

/** The price version string that bills carry: the id of the {@code model_prices} row, e.g. {@code price-42}. */
public final class PriceVersion {

    private PriceVersion() {
    }

    public static String of(long priceRowId) {
        return "price-" + priceRowId;
    }
}
