package dev.switchboard.edge.routing;

import dev.switchboard.edge.api.GatewayException;
import dev.switchboard.edge.api.GatewayHeaders;
import java.util.Map;

/**
 * The task hint rules may match on: the {@code x-switchboard-task} header, else {@code metadata.task}. It becomes
 * part of the plan cache key and of routing's logs, so it must be a short printable token; checked with a
 * character loop, which costs nothing next to a regular expression.
 */
final class TaskHints {

    static final int MAX_LENGTH = 64;
    private static final String METADATA_PARAM = "metadata.task";

    private TaskHints() {
    }

    /** The validated task hint, or null when the request gives none; a malformed one is a 400. */
    static String of(String header, Map<String, String> metadata) {
        if (header != null) {
            return validated(header, GatewayHeaders.TASK);
        }
        String fromMetadata = metadata == null ? null : metadata.get("task");
        return fromMetadata == null ? null : validated(fromMetadata, METADATA_PARAM);
    }

    private static String validated(String task, String param) {
        if (task.isEmpty() || task.length() > MAX_LENGTH || !isToken(task)) {
            throw GatewayException.invalidRequest(param, "Invalid '" + param + "': expected a task name of 1 to "
                    + MAX_LENGTH + " letters, digits, '-', '_', '.' or ':'.");
        }
        return task;
    }

    private static boolean isToken(String task) {
        for (int i = 0; i < task.length(); i++) {
            char c = task.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == ':';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
