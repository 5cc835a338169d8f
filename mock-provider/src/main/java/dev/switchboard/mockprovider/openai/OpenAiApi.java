package dev.switchboard.mockprovider.openai;

import dev.switchboard.mockprovider.http.ErrorReply;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Ids;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.VendorApi;
import dev.switchboard.mockprovider.ledger.Vendor;
import tools.jackson.databind.node.ObjectNode;

/** OpenAI's credentials check ({@code Authorization: Bearer}), request ids and error body. */
public final class OpenAiApi implements VendorApi {

    private static final String NOT_JSON = "We could not parse the JSON body of your request. (HINT: This likely "
            + "means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was "
            + "sent was not valid JSON.)";

    private final String apiKey;

    public OpenAiApi(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Vendor vendor() {
        return Vendor.OPENAI;
    }

    @Override
    public String requestIdHeader() {
        return "x-request-id";
    }

    @Override
    public String newRequestId() {
        return "req_" + Ids.hex(32);
    }

    @Override
    public ErrorReply checkCredentials(Exchange exchange, String requestId) {
        String authorization = exchange.header("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new ErrorReply(401, body("You didn't provide an API key. You need to provide your API key in an "
                    + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain "
                    + "an API key from https://platform.openai.com/account/api-keys.",
                    "invalid_request_error", null, "invalid_api_key"));
        }
        String key = authorization.substring(7).trim();
        if (key.equals(apiKey)) {
            return null;
        }
        return new ErrorReply(401, body("Incorrect API key provided: " + mask(key) + ". You can find your API key "
                        + "at https://platform.openai.com/account/api-keys.", "invalid_request_error", null,
                "invalid_api_key"));
    }

    @Override
    public ErrorReply error(int status, String message, String requestId) {
        // type/code pairs: 429 "requests"/"rate_limit_exceeded" and 5xx "server_error" as OpenAI sends them;
        // the reference marks the exact pairs unconfirmed, so gateways should key on the HTTP status.
        return switch (status) {
            case 401 -> new ErrorReply(status, body(orDefault(message, "Invalid authentication."),
                    "invalid_request_error", null, "invalid_api_key"));
            case 404 -> new ErrorReply(status, body(orDefault(message,
                    "The model does not exist or you do not have access to it."),
                    "invalid_request_error", null, "model_not_found"));
            case 429 -> new ErrorReply(status, body(orDefault(message,
                    "Rate limit reached for requests. Please try again later."), "requests", null,
                    "rate_limit_exceeded"));
            case 503 -> new ErrorReply(status, body(orDefault(message,
                    "The server is overloaded or not ready yet."), "server_error", null, null));
            default -> status >= 500
                    ? new ErrorReply(status, body(orDefault(message, "The server had an error while processing "
                    + "your request. Sorry about that!"), "server_error", null, null))
                    : new ErrorReply(status, body(orDefault(message, "Request failed with status " + status + "."),
                    "invalid_request_error", null, null));
        };
    }

    @Override
    public String notJsonMessage() {
        return NOT_JSON;
    }

    /** Names the offending parameter in {@code error.param}, as OpenAI does. */
    @Override
    public ErrorReply badRequest(String message, String param, String requestId) {
        return new ErrorReply(400, body(message, "invalid_request_error", param, null));
    }

    static String body(String message, String type, String param, String code) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Json.write(root);
    }

    private static String orDefault(String message, String fallback) {
        return message != null ? message : fallback;
    }

    /** Shows only the ends of a wrong key, as OpenAI does, so the body never repeats a whole secret. */
    private static String mask(String key) {
        if (key.length() <= 8) {
            return "*".repeat(key.length());
        }
        return key.substring(0, 3) + "*".repeat(key.length() - 7) + key.substring(key.length() - 4);
    }
}
