package dev.switchboard.routing.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Masks the values of fields named like a secret before they reach the audit log. The registry stores no
 * secrets today (credentialRef is only a variable's name); this guards against one being added later.
 * Names are split into words ({@code apiKey}, {@code client_secret}) so {@code maxOutputTokens} is not a match.
 */
final class SecretMasker {

    static final String MASK = "****";

    private static final Set<String> SECRET_WORDS = Set.of("key", "apikey", "secret", "token", "password");

    private SecretMasker() {
    }

    /** Masks in place and returns the node; null values stay null, since "not set" leaks nothing. */
    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> secretFields = new ArrayList<>();
            for (var property : object.properties()) {
                if (isSecretName(property.getKey()) && !property.getValue().isNull()) {
                    secretFields.add(property.getKey());
                }
                else {
                    mask(property.getValue());
                }
            }
            secretFields.forEach(name -> object.put(name, MASK));
        }
        else if (node != null && node.isArray()) {
            node.forEach(SecretMasker::mask);
        }
        return node;
    }

    static boolean isSecretName(String name) {
        // split before each upper-case letter that follows a lower-case one or a digit, and at '_', '-' and '.'
        for (String word : name.split("(?<=[a-z0-9])(?=[A-Z])|[_.\\-]+")) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
