package dev.switchboard.routing.transfer;

import dev.switchboard.serviceweb.ServiceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a registry file into validated PUT bodies, before anything is written. Every problem is reported with
 * its path in the file ({@code models[3].price.inputPerMillion: ...}), all at once, so one round trip fixes a file.
 */
final class RegistryFileReader {

    static final int MAX_PROBLEMS = 50;

    /** One entry of a section: where it is in the file, its key and its body. */
    record Entry<R>(String path, String key, R request) {
    }

    /** A section present in the file and its entries in file order. */
    record ParsedSection<R>(RegistrySection<R> section, List<Entry<R>> entries) {
    }

    private final List<RegistrySection<?>> sections;
    private final Validator validator;
    private final List<String> problems = new ArrayList<>();

    RegistryFileReader(List<RegistrySection<?>> sections, Validator validator) {
        this.sections = sections;
        this.validator = validator;
    }

    /** The sections the file has, in apply order; 400 listing every problem when there is any. */
    List<ParsedSection<?>> read(JsonNode document) {
        Map<String, RegistrySection<?>> byName = sections.stream()
                .collect(Collectors.toMap(RegistrySection::name, section -> section));
        for (String name : document.propertyNames()) {
            if (!byName.containsKey(name)) {
                problem(name + ": not a registry section (expected " + String.join(", ", byName.keySet().stream()
                        .sorted().toList()) + ")");
            }
        }
        List<ParsedSection<?>> parsed = new ArrayList<>();
        for (RegistrySection<?> section : sections) {
            if (document.has(section.name())) {
                parsed.add(readSection(section, document.get(section.name())));
            }
        }
        if (!problems.isEmpty()) {
            throw ServiceException.invalid(String.join("; ", problems)
                    + (problems.size() >= MAX_PROBLEMS ? "; ..." : ""));
        }
        return parsed;
    }

    private <R> ParsedSection<R> readSection(RegistrySection<R> section, JsonNode list) {
        List<Entry<R>> entries = new ArrayList<>();
        // an empty "aliases:" is an empty section: with prune it removes every alias, as "aliases: []" would
        if (list.isNull()) {
            return new ParsedSection<>(section, entries);
        }
        if (!list.isArray()) {
            problem(section.name() + ": must be a list of entries");
            return new ParsedSection<>(section, entries);
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String path = section.name() + "[" + i + "]";
            Entry<R> entry = readEntry(section, path, list.get(i));
            if (entry != null) {
                String first = seen.putIfAbsent(entry.key(), path);
                if (first != null) {
                    problem(path + "." + section.keyField() + ": '" + entry.key() + "' is already defined at " + first);
                }
                else {
                    entries.add(entry);
                }
            }
        }
        return new ParsedSection<>(section, entries);
    }

    private <R> Entry<R> readEntry(RegistrySection<R> section, String path, JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            problem(path + ": must be a mapping with '" + section.keyField() + "' and the entry's fields");
            return null;
        }
        JsonNode keyNode = object.get(section.keyField());
        if (keyNode == null || !keyNode.isString() || keyNode.asString().isBlank()) {
            problem(path + "." + section.keyField() + ": must be a non-empty string");
            return null;
        }
        String key = keyNode.asString();
        boolean valid = check(path, () -> section.checkKey(key));
        ObjectNode body = object.deepCopy();
        body.remove(section.keyField());
        R request;
        try {
            request = RegistryYaml.MAPPER.treeToValue(body, section.requestType());
        }
        catch (JacksonException e) {
            problem(path + describe(e));
            return null;
        }
        Set<ConstraintViolation<R>> violations = validator.validate(request);
        violations.stream().map(violation -> path + "." + violation.getPropertyPath() + ": " + violation.getMessage())
                .sorted().forEach(this::problem);
        return valid && violations.isEmpty() ? new Entry<>(path, key, request) : null;
    }

    private boolean check(String path, Runnable check) {
        try {
            check.run();
            return true;
        }
        catch (ServiceException e) {
            problem(RegistryImport.atPath(path, e.getMessage()));
            return false;
        }
    }

    private static String describe(JacksonException e) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                field.append('.').append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        String reason = e.getClass().getSimpleName().startsWith("UnrecognizedProperty")
                ? "unknown field" : "has the wrong type or format";
        return field + ": " + reason;
    }

    private void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        }
    }
}
