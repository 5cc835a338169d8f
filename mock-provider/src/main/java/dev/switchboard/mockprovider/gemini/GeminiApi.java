package dev.switchboard.mockprovider.gemini;

import dev.switchboard.mockprovider.http.ErrorReply;
import dev.switchboard.mockprovider.http.Exchange;
import dev.switchboard.mockprovider.http.Ids;
import dev.switchboard.mockprovider.http.Json;
import dev.switchboard.mockprovider.http.VendorApi;
import dev.switchboard.mockprovider.ledger.Vendor;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemini's credentials check ({@code x-goog-api-key} header or {@code ?key=}) and its google.rpc error body
 * (reference doc §3.5). Gemini sends no request-id header.
 */
public final class GeminiApi implements VendorApi {

    private static final String BAD_KEY = "API key not valid. Please pass a valid API key.";

    private final String apiKey;

    public GeminiApi(String apiKey) {
        this.apiKey = apiKey;
    }

    @Override
    public Vendor vendor() {
        return Vendor.GEMINI;
    }

    @Override
    public String requestIdHeader() {
        return null;
    }

    @Override
    public String newRequestId() {
        return Ids.base62(22);
    }

    @Override
    public ErrorReply checkCredentials(Exchange exchange, String requestId) {
        String key = exchange.header("x-goog-api-key");
        if (key == null) {
            key = exchange.queryParam("key");
        }
        if (key == null) {
            // without any key Google answers 403, not 400 (seen in many public issue reports)
            return new ErrorReply(403, body(403, "Method doesn't allow unregistered callers (callers without "
                    + "established identity). Please use API Key or other form of API consumer identity to call "
                    + "this API.", "PERMISSION_DENIED", null));
        }
        if (key.equals(apiKey)) {
            return null;
        }
        ArrayNode details = Json.array();
        ObjectNode info = details.addObject();
        info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
        info.put("reason", "API_KEY_INVALID");
        info.put("domain", "googleapis.com");
        info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
        ObjectNode localized = details.addObject();
        localized.put("@type", "type.googleapis.com/google.rpc.LocalizedMessage");
        localized.put("locale", "en-US");
        localized.put("message", BAD_KEY);
        return new ErrorReply(400, body(400, BAD_KEY, "INVALID_ARGUMENT", details));
    }

    @Override
    public ErrorReply error(int status, String message, String requestId) {
        String rpcStatus = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 409 -> "ABORTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 501 -> "UNIMPLEMENTED";
            case 503, 529 -> "UNAVAILABLE";
            case 504 -> "DEADLINE_EXCEEDED";
            default -> status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
        String text = message != null ? message : switch (rpcStatus) {
            case "RESOURCE_EXHAUSTED" -> "Resource has been exhausted (e.g. check quota).";
            case "UNAVAILABLE" -> "The model is overloaded. Please try again later.";
            case "INTERNAL" -> "An internal error has occurred. Please retry or report in "
                    + "https://developers.generativeai.google/guide/troubleshooting";
            case "DEADLINE_EXCEEDED" -> "Deadline expired before operation could complete.";
            case "NOT_FOUND" -> "Requested entity was not found.";
            case "PERMISSION_DENIED" -> "The caller does not have permission";
            case "INVALID_ARGUMENT" -> "Request contains an invalid argument.";
            default -> "Request failed with status " + status + ".";
        };
        return new ErrorReply(status, body(status, text, rpcStatus, null));
    }

    @Override
    public String notJsonMessage() {
        return "Invalid JSON payload received.";
    }

    static String body(int code, String message, String status, ArrayNode details) {
        ObjectNode root = Json.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.put("status", status);
        if (details != null) {
            error.set("details", details);
        }
        return Json.write(root);
    }
}
