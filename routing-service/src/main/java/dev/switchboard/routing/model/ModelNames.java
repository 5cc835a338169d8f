package dev.switchboard.routing.model;

import dev.switchboard.serviceweb.ServiceException;
import java.util.regex.Pattern;

/**
 * Public model names: what clients put in {@code "model"}. Slash-separated names such as
 * {@code meta-llama/Llama-3.1-8B-Instruct} are allowed because openai-compatible servers use them. Aliases
 * follow the same syntax, since clients send them in the same field.
 */
public final class ModelNames {

    public static final int MAX_LENGTH = 128;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]+(/[A-Za-z0-9._:-]+)*");

    private ModelNames() {
    }

    public static boolean isValid(String name) {
        return name != null && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }

    /** The name from a {@code {*name}} path capture, which keeps its leading slash. */
    static String fromPath(String capture) {
        String name = capture.startsWith("/") ? capture.substring(1) : capture;
        if (!isValid(name)) {
            throw ServiceException.invalid("name: model names are 1 to " + MAX_LENGTH
                    + " letters, digits, '.', '_', ':' or '-', optionally in '/'-separated segments");
        }
        return name;
    }
}
