package dev.switchboard.mockprovider.anthropic;

import dev.switchboard.mockprovider.http.ErrorReply;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Ids;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.VendorApi;
import dev.switchboard.mockprovider.ledger.Vendor;
import tools.jackson.databind.node.ObjectNode;

/**
 * Anthropic's credentials check, request ids and error body (reference doc §2.5).
 *
 * <p>The key is accepted in {@code x-api-key} or as {@code Authorization: Bearer}, because anthropic-java 3.x sends
 * its API key as a bearer token.
 */
public final class AnthropicApi implements VendorApi {

    private final String apiKey;

    public AnthropicApi(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Vendor vendor() {
        return Vendor.ANTHROPIC;
    }

    @Override
    public String requestIdHeader() {
        return "request-id";
    }

    @Override
    public String newRequestId() {
        return "req_01" + Ids.base62(22);
    }

    @Override
    public ErrorReply checkCredentials(Exchange exchange, String requestId) {
        String key = exchange.header("x-api-key");
        String authorization = exchange.header("authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        }
        if (key == null) {
            return new ErrorReply(401, body("authentication_error", "x-api-key header is required", requestId));
        }
        return key.equals(apiKey) ? null
                : new ErrorReply(401, body("authentication_error", "invalid x-api-key", requestId));
    }

    @Override
    public ErrorReply error(int status, String message, String requestId) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 402 -> "billing_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 504 -> "timeout_error";
            case 529 -> "overloaded_error";
            default -> status >= 500 ? "api_error" : "invalid_request_error";
        };
        String text = message != null ? message : switch (type) {
            case "rate_limit_error" -> "Number of requests has exceeded your rate limit. Please try again later.";
            case "overloaded_error" -> "Overloaded";
            case "api_error" -> "Internal server error";
            case "timeout_error" -> "Request timed out";
            case "not_found_error" -> "Not found";
            case "permission_error" -> "Your API key does not have permission to use the specified resource.";
            default -> "Request failed with status " + status;
        };
        return new ErrorReply(status, body(type, text, requestId));
    }

    @Override
    public String notJsonMessage() {
        return "The request body is not valid JSON.";
    }

    static String body(String type, String message, String requestId) {
        ObjectNode root = Json.object();
        root.put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        root.put("request_id", requestId);
        return Json.write(root);
    }
}
