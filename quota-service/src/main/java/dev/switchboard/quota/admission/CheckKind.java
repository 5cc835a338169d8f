package dev.switchboard.quota.admission;

/** What one admission check counts, and its code in {@code admit.lua}. */
enum CheckKind {

    REQUESTS("r"), TOKENS("t"), CONCURRENCY("c"), TOKEN_BUDGET("bt"), MONEY_BUDGET("bm");

    private final String code;

    CheckKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean budget() {
        return this == TOKEN_BUDGET || this == MONEY_BUDGET;
    }
}
