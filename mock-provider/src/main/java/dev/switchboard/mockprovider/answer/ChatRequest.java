package dev.switchboard.mockprovider.answer;

import java.util.List;

/**
 * The parts of a chat request, in any vendor's dialect, that decide the mock's answer and its usage.
 *
 * <p>Prompt token rule, the same for every vendor: the sum of o200k_base token counts of each text the request carries
 * for the model to read, taken separately: the system prompt (OpenAI system/developer messages, Anthropic
 * {@code system}, Gemini {@code systemInstruction}), every text content of every message, each earlier tool call's
 * function name and arguments JSON, and each tool result's text. Not counted: roles, names, per-message overhead,
 * tool definitions, images and other non-text parts.
 *
 * @param model           model named by the request
 * @param promptTexts     the texts counted as prompt, in request order
 * @param lastUserText    text of the last user message; seeds the deterministic answer
 * @param maxOutputTokens the request's output cap, or null for none
 * @param stream          whether the client asked for a stream
 * @param includeUsage    OpenAI {@code stream_options.include_usage}; ignored by the other vendors
 * @param forcedTool      tool the answer must call, or null for a text answer
 */
public record ChatRequest(String model, List<String> promptTexts, String lastUserText, Integer maxOutputTokens,
                          boolean stream, boolean includeUsage, ForcedTool forcedTool) {

    public ChatRequest {
        promptTexts = List.copyOf(promptTexts);
        lastUserText = lastUserText == null ? "" : lastUserText;
    }

    public int promptTokens() {
        return promptTexts.stream().mapToInt(TokenCounter::count).sum();
    }
}
