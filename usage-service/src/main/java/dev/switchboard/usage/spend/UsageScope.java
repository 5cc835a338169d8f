package dev.switchboard.usage.spend;

import java.util.Optional;

/**
 * Whose usage a total covers, as quota-service names its budgets: {@code global}, {@code team:<id>} or
 * {@code key:<id>}.
 *
 * @param name   the scope as the caller wrote it, echoed in the answer
 * @param column the ledger column the id is matched against; null for {@code global}
 * @param id     the team or key id; null for {@code global}
 */
record UsageScope(String name, String column, String id) {

    /** The scope named by {@code text}, or empty when it is not one of the three forms or its id is blank. */
    static Optional<UsageScope> parse(String text) {
        if ("global".equals(text)) {
            return Optional.of(new UsageScope(text, null, null));
        }
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0 || text.substring(colon + 1).isBlank()) {
            return Optional.empty();
        }
        String column = switch (text.substring(0, colon)) {
            case "team" -> "team_id";
            case "key" -> "key_id";
            default -> null;
        };
        return Optional.ofNullable(column).map(c -> new UsageScope(text, c, text.substring(colon + 1)));
    }
}
