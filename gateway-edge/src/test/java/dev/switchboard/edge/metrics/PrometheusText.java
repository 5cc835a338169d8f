package dev.switchboard.edge.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text scrape; public for the edge's integration tests. */
public final class PrometheusText {

    /** {@code name{labels} value}; labels are optional. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String scrape;

    public PrometheusText(String scrape) {
        this.scrape = scrape;
    }

    /** The sum of every sample of {@code metric} whose labels include {@code labels}; NaN when there is none. */
    public double value(String metric, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(metric)) {
                continue;
            }
            if (labels(sample.group(2)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /** Every label name on any sample of a metric whose name starts with {@code prefix}. */
    public Set<String> labelNames(String prefix) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!line.startsWith("#") && sample.matches() && sample.group(1).startsWith(prefix)) {
                names.addAll(labels(sample.group(2)).keySet());
            }
        }
        return names;
    }

    /** Distinct values of {@code label} on samples of {@code metric}. */
    public Set<String> labelValues(String metric, String label) {
        Set<String> values = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (!line.startsWith("#") && sample.matches() && sample.group(1).equals(metric)) {
                String value = labels(sample.group(2)).get(label);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> present = new HashMap<>();
        Matcher label = LABEL.matcher(text == null ? "" : text);
        while (label.find()) {
            present.put(label.group(1), label.group(2));
        }
        return present;
    }
}
