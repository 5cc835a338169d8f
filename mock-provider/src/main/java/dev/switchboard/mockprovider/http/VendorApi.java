package dev.switchboard.mockprovider.http;

import dev.switchboard.mockprovider.ledger.Vendor;

/** What differs between vendors before any answer is generated: credentials, request ids and the error shape. */
public interface VendorApi {

    Vendor vendor();

    /** Name of the response header carrying the vendor's request id, or null if the vendor sends none. */
    String requestIdHeader();

    String newRequestId();

    /** The vendor's rejection when the credentials are missing or wrong, or null when they are fine. */
    ErrorReply checkCredentials(Exchange exchange, String requestId);

    /**
     * An error in the vendor's shape.
     *
     * @param message the message, or null for the vendor's usual message for that status
     */
    ErrorReply error(int status, String message, String requestId);

    /** Message of the vendor's 400 for a request body that is not a JSON object. */
    String notJsonMessage();

    /**
     * The vendor's 400 for a request it rejects.
     *
     * @param param the offending field, for vendors whose error body names it; may be null
     */
    default ErrorReply badRequest(String message, String param, String requestId) {
        return error(400, message, requestId);
    }
}
