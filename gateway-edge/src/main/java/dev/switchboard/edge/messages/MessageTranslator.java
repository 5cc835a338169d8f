package dev.switchboard.edge.messages;

import static dev.switchboard.edge.messages.RequestFields.absent;
import static dev.switchboard.edge.messages.RequestFields.at;
import static dev.switchboard.edge.messages.RequestFields.invalid;
import static dev.switchboard.edge.messages.RequestFields.nonBlankString;
import static dev.switchboard.edge.messages.RequestFields.onlyKnown;
import static dev.switchboard.edge.messages.RequestFields.string;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns Anthropic {@code messages} (user, assistant and the newer mid-conversation system turns) and the top-level
 * {@code system} into OpenAI messages.
 *
 * <p>{@code cache_control} is accepted on every block and dropped: it only tells Anthropic where a reusable prompt
 * prefix ends, which changes cost and latency but never the answer, and OpenAI-format providers cache prefixes on
 * their own terms. Block content that would change the answer and cannot be carried (documents, thinking, server
 * tool results, citations, images inside tool results) is refused with a 400 instead.
 */
final class MessageTranslator {

    private static final Set<String> MESSAGE_FIELDS = Set.of("role", "content");
    private static final Set<String> TEXT_FIELDS = Set.of("type", "text", "cache_control", "citations");
    private static final Set<String> IMAGE_FIELDS = Set.of("type", "source", "cache_control");
    private static final Set<String> TOOL_USE_FIELDS = Set.of("type", "id", "name", "input", "cache_control");
    private static final Set<String> TOOL_RESULT_FIELDS =
            Set.of("type", "tool_use_id", "content", "is_error", "cache_control");
    private static final Set<String> IMAGE_MEDIA_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    private final JsonMapper json;

    MessageTranslator(JsonMapper json) {
        this.json = json;
    }

    /** Appends the OpenAI messages for one Anthropic message at {@code path} to {@code out}. */
    void translate(JsonNode message, String path, ArrayNode out) {
        RequestFields.object(message, path);
        onlyKnown(message, path, MESSAGE_FIELDS);
        String role = string(message.get("role"), path + ".role");
        if (!role.equals("user") && !role.equals("assistant") && !role.equals("system")) {
            throw invalid(path + ".role", "must be \"user\", \"assistant\" or \"system\"");
        }
        JsonNode content = message.get("content");
        String contentPath = path + ".content";
        if (absent(content)) {
            throw invalid(contentPath, "field required");
        }
        if (role.equals("system")) {
            // newer SDKs send system messages between turns; OpenAI keeps them where they are
            out.addObject().put("role", "system").set("content", systemText(content, contentPath));
        } else if (content.isString()) {
            out.addObject().put("role", role).put("content", content.stringValue());
        } else if (!content.isArray() || content.isEmpty()) {
            throw invalid(contentPath, "must be a string or a non-empty array of content blocks");
        } else if (role.equals("user")) {
            user(content, contentPath, out);
        } else {
            assistant(content, contentPath, out);
        }
    }

    /** The text of the top-level {@code system}: a string or text blocks; null when there is none. */
    JsonNode system(JsonNode system) {
        if (system.isArray() && system.isEmpty()) {
            return null;
        }
        JsonNode text = systemText(system, "system");
        return text.isString() && text.stringValue().isEmpty() ? null : text;
    }

    private JsonNode systemText(JsonNode system, String path) {
        if (system.isString()) {
            return system;
        }
        if (!system.isArray() || system.isEmpty()) {
            throw invalid(path, "must be a string or a non-empty array of text blocks");
        }
        List<ObjectNode> parts = new ArrayList<>();
        for (int i = 0; i < system.size(); i++) {
            String blockPath = at(path, i);
            if (!type(system.get(i), blockPath).equals("text")) {
                throw invalid(blockPath + ".type", "system content must be text blocks");
            }
            parts.add(text(system.get(i), blockPath));
        }
        return content(parts);
    }

    /**
     * A user turn: its {@code tool_result} blocks become {@code tool} messages, which OpenAI needs right after the
     * assistant's tool calls, so they come first; the remaining text and images follow as one user message.
     */
    private void user(JsonNode blocks, String path, ArrayNode out) {
        List<ObjectNode> parts = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String blockPath = at(path, i);
            switch (type(block, blockPath)) {
                case "text" -> parts.add(text(block, blockPath));
                case "image" -> parts.add(image(block, blockPath));
                case "tool_result" -> out.add(toolResult(block, blockPath));
                case "tool_use" -> throw invalid(blockPath + ".type", "tool_use blocks belong in assistant messages");
                default -> throw unsupported(block, blockPath);
            }
        }
        if (!parts.isEmpty()) {
            out.addObject().put("role", "user").set("content", content(parts));
        }
    }

    /** An assistant turn: its text blocks become the content and its {@code tool_use} blocks the tool calls. */
    private void assistant(JsonNode blocks, String path, ArrayNode out) {
        List<ObjectNode> parts = new ArrayList<>();
        ArrayNode toolCalls = json.createArrayNode();
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            String blockPath = at(path, i);
            switch (type(block, blockPath)) {
                case "text" -> parts.add(text(block, blockPath));
                case "tool_use" -> toolCalls.add(toolUse(block, blockPath));
                case "image", "tool_result" ->
                        throw invalid(blockPath + ".type", "this block type is only accepted in user messages");
                default -> throw unsupported(block, blockPath);
            }
        }
        ObjectNode message = out.addObject().put("role", "assistant");
        if (parts.isEmpty()) {
            message.putNull("content");
        } else {
            message.set("content", content(parts));
        }
        if (!toolCalls.isEmpty()) {
            message.set("tool_calls", toolCalls);
        }
    }

    private ObjectNode text(JsonNode block, String path) {
        onlyKnown(block, path, TEXT_FIELDS);
        JsonNode citations = block.get("citations");
        if (!absent(citations) && !(citations.isArray() && citations.isEmpty())) {
            throw invalid(path + ".citations", "citations cannot be carried to the provider");
        }
        return json.createObjectNode().put("type", "text").put("text", string(block.get("text"), path + ".text"));
    }

    private ObjectNode image(JsonNode block, String path) {
        onlyKnown(block, path, IMAGE_FIELDS);
        String sourcePath = path + ".source";
        JsonNode source = RequestFields.object(block.get("source"), sourcePath);
        String url = switch (string(source.get("type"), sourcePath + ".type")) {
            case "base64" -> {
                onlyKnown(source, sourcePath, Set.of("type", "media_type", "data"));
                String mediaType = string(source.get("media_type"), sourcePath + ".media_type");
                if (!IMAGE_MEDIA_TYPES.contains(mediaType)) {
                    throw invalid(sourcePath + ".media_type", "must be one of " + IMAGE_MEDIA_TYPES);
                }
                yield "data:" + mediaType + ";base64," + nonBlankString(source.get("data"), sourcePath + ".data");
            }
            case "url" -> {
                onlyKnown(source, sourcePath, Set.of("type", "url"));
                yield nonBlankString(source.get("url"), sourcePath + ".url");
            }
            default -> throw invalid(sourcePath + ".type",
                    "only \"base64\" and \"url\" image sources can be carried to the provider");
        };
        ObjectNode part = json.createObjectNode().put("type", "image_url");
        part.putObject("image_url").put("url", url);
        return part;
    }

    private ObjectNode toolUse(JsonNode block, String path) {
        onlyKnown(block, path, TOOL_USE_FIELDS);
        JsonNode input = block.get("input");
        if (input == null || !input.isObject()) {
            throw invalid(path + ".input", "must be an object");
        }
        ObjectNode call = json.createObjectNode()
                .put("id", nonBlankString(block.get("id"), path + ".id"))
                .put("type", "function");
        call.putObject("function")
                .put("name", nonBlankString(block.get("name"), path + ".name"))
                .put("arguments", json.writeValueAsString(input));
        return call;
    }

    /**
     * A {@code tool} message. OpenAI tool messages have no error flag, so {@code is_error: true} is carried in the
     * text instead: the content is kept whole and its first text is prefixed with "Error: " (or is "Error" when the
     * result has no content), which tells any model the call failed.
     */
    private ObjectNode toolResult(JsonNode block, String path) {
        onlyKnown(block, path, TOOL_RESULT_FIELDS);
        JsonNode isError = block.get("is_error");
        if (!absent(isError) && !isError.isBoolean()) {
            throw invalid(path + ".is_error", "must be a boolean");
        }
        boolean failed = !absent(isError) && isError.booleanValue();
        List<ObjectNode> parts = new ArrayList<>();
        JsonNode content = block.get("content");
        String contentPath = path + ".content";
        if (!absent(content) && content.isString()) {
            parts.add(json.createObjectNode().put("type", "text").put("text", content.stringValue()));
        } else if (!absent(content) && content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                String partPath = at(contentPath, i);
                if (!type(content.get(i), partPath).equals("text")) {
                    throw invalid(partPath + ".type", "tool results can only hold text, as OpenAI-format "
                            + "tool messages do; put the image in an image block of the same user message");
                }
                parts.add(text(content.get(i), partPath));
            }
        } else if (!absent(content)) {
            throw invalid(contentPath, "must be a string or an array of text blocks");
        }
        if (failed && parts.isEmpty()) {
            parts.add(json.createObjectNode().put("type", "text").put("text", "Error"));
        } else if (failed) {
            parts.get(0).put("text", "Error: " + parts.get(0).get("text").stringValue());
        }
        ObjectNode message = json.createObjectNode()
                .put("role", "tool")
                .put("tool_call_id", nonBlankString(block.get("tool_use_id"), path + ".tool_use_id"));
        message.set("content", parts.isEmpty() ? json.getNodeFactory().stringNode("") : content(parts));
        return message;
    }

    /** One text part as a plain string (what every OpenAI-format server accepts), else the parts themselves. */
    private JsonNode content(List<ObjectNode> parts) {
        if (parts.size() == 1 && parts.get(0).path("type").stringValue("").equals("text")) {
            return parts.get(0).get("text");
        }
        ArrayNode array = json.createArrayNode();
        parts.forEach(array::add);
        return array;
    }

    private static String type(JsonNode block, String path) {
        RequestFields.object(block, path);
        return string(block.get("type"), path + ".type");
    }

    private static RuntimeException unsupported(JsonNode block, String path) {
        return invalid(path + ".type", "\"" + block.get("type").stringValue()
                + "\" blocks cannot be carried to the provider; use text, image, tool_use and tool_result blocks");
    }
}
