package dev.switchboard.mockprovider.ledger;

/** The vendor whose API a request or generation went through. */
public enum Vendor {
    OPENAI("openai"),
    ANTHROPIC("anthropic"),
    GEMINI("gemini");

    private final String wireName;

    Vendor(String wireName) {
        this.wireName = wireName;
    }

    /** Lower-case name used in the ledger JSON. */
    public String wireName() {
        return wireName;
    }
}
