package dev.switchboard.usage.spend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Writes RFC 4180 CSV: CRLF after every row, a field quoted when it holds a comma, quote, CR or LF, quotes inside
 * doubled. Nulls are empty fields; decimals are written plain (never 1E-7), so spreadsheets keep every digit.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    void row(Object... fields) {
        try {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(escape(text(fields[i])));
            }
            out.write("\r\n");
        } catch (IOException e) {
            // the client went away mid-download; the export stops with the query
            throw new UncheckedIOException(e);
        }
    }

    static String text(Object field) {
        if (field == null) {
            return "";
        }
        if (field instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (field instanceof Instant instant) {
            return instant.toString();
        }
        return field.toString();
    }

    static String escape(String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\r') >= 0
                || field.indexOf('\n') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
