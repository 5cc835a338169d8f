package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ServiceException;
import java.util.Locale;

/**
 * What spend is grouped by: a ledger dimension, or the value of one request tag ({@code tag:<key>}).
 *
 * @param tagKey the tag's key for {@link Dimension#TAG}, else null
 */
record SpendGrouping(Dimension dimension, String tagKey) {

    private static final String TAG_PREFIX = "tag:";

    enum Dimension {
        // record column (absent = '') and rollup column; constants only, so they may be written into SQL
        TEAM("team_id", "team_id"),
        KEY("coalesce(key_id, '')", "key_id"),
        MODEL("coalesce(served_model, '')", "model"),
        PROVIDER("coalesce(provider_id, '')", "provider_id"),
        TAG("tags ->> :tagKey", "tag_value");

        final String recordExpression;
        final String rollupColumn;

        Dimension(String recordExpression, String rollupColumn) {
            this.recordExpression = recordExpression;
            this.rollupColumn = rollupColumn;
        }
    }

    /** @param everyDimension false where only team, key and model make sense (top spenders) */
    static SpendGrouping parse(String text, String parameter, boolean everyDimension) {
        String allowed = everyDimension ? "team, key, model, provider or tag:<tag key>" : "team, key or model";
        if (text == null || text.isBlank()) {
            throw ServiceException.invalid("query parameter '" + parameter + "' is required: " + allowed);
        }
        if (everyDimension && text.startsWith(TAG_PREFIX) && !text.substring(TAG_PREFIX.length()).isBlank()) {
            return new SpendGrouping(Dimension.TAG, text.substring(TAG_PREFIX.length()));
        }
        SpendGrouping grouping = switch (text) {
            case "team" -> new SpendGrouping(Dimension.TEAM, null);
            case "key" -> new SpendGrouping(Dimension.KEY, null);
            case "model" -> new SpendGrouping(Dimension.MODEL, null);
            case "provider" -> everyDimension ? new SpendGrouping(Dimension.PROVIDER, null) : null;
            default -> null;
        };
        if (grouping == null) {
            throw ServiceException.invalid("query parameter '" + parameter + "' must be " + allowed);
        }
        return grouping;
    }

    String wireName() {
        return dimension == Dimension.TAG ? TAG_PREFIX + tagKey : dimension.name().toLowerCase(Locale.ROOT);
    }
}
