package dev.switchboard.mockprovider.http;

/** A request the vendor would reject with 400; each vendor renders it in its own error shape. */
public final class BadRequest extends IllegalArgumentException {

    private final String param;

    public BadRequest(String message) {
        this(message, null);
    }

    /** @param param the offending field, for OpenAI's {@code error.param}; may be null */
    public BadRequest(String message, String param) {
        super(message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
