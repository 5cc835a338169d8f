package dev.switchboard.usage.spend;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict RFC 4180 reader for tests: records end in CRLF, a field with a comma, quote, CR or LF must be quoted,
 * quotes inside are doubled, and every record has as many fields as the header. Anything else fails the test.
 */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i = quoted(text, i + 1, field);
                char next = i < text.length() ? text.charAt(i) : '\r';
                if (next != ',' && next != '\r') {
                    throw new IllegalArgumentException("text after a closing quote at " + i);
                }
                continue;
            }
            if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("CR without LF at " + i);
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(record));
                record.clear();
                i += 2;
            } else if (c == '"' || c == '\n') {
                throw new IllegalArgumentException("unquoted field holds " + (c == '"' ? "a quote" : "a bare LF")
                        + " at " + i);
            } else {
                field.append(c);
                i++;
            }
        }
        if (!record.isEmpty() || !field.isEmpty()) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        for (List<String> r : records) {
            if (r.size() != records.get(0).size()) {
                throw new IllegalArgumentException("record of " + r.size() + " fields: " + r);
            }
        }
        return records;
    }

    /** Reads a quoted field's content from {@code i} (after the opening quote); returns the index past its close. */
    private static int quoted(String text, int i, StringBuilder field) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("quoted field never closed");
    }
}
