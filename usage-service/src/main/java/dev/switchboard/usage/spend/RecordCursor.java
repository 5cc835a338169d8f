package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ServiceException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page of records ended: the last record's (occurred_at, request_id). Sent to clients as an opaque token,
 * so its form may change without breaking them.
 */
record RecordCursor(Instant occurredAt, String requestId) {

    private static final String VERSION = "v1";

    String encode() {
        String plain = VERSION + "|" + occurredAt.getEpochSecond() + "|" + occurredAt.getNano() + "|" + requestId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static RecordCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length == 4 && VERSION.equals(parts[0]) && !parts[3].isEmpty()) {
                return new RecordCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                        parts[3]);
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // answered below: whatever was wrong with it, it is not a cursor this API issued
        }
        throw ServiceException.invalid("query parameter 'cursor' is not a cursor this API returned");
    }
}
