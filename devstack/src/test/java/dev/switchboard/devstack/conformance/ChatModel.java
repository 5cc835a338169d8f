package dev.switchboard.devstack.conformance;

import dev.switchboard.mockprovider.ledger.Vendor;

/**
 * The seeded chat models, one per vendor the mock impersonates: each test runs once with the mock acting as
 * OpenAI, as Anthropic and as Gemini behind the same public model API.
 */
enum ChatModel implements SeededModel {
    OPENAI("gpt-4o-mini", "mock-openai", "gpt-4o-mini", Vendor.OPENAI),
    ANTHROPIC("claude-sonnet-4-5", "mock-anthropic", "claude-sonnet-4-5", Vendor.ANTHROPIC),
    GEMINI("gemini-2.5-flash", "mock-gemini", "gemini-2.5-flash", Vendor.GEMINI);

    private final Names names;

    ChatModel(String id, String provider, String upstream, Vendor vendor) {
        this.names = new Names(id, provider, upstream, vendor);
    }

    @Override
    public Names names() {
        return names;
    }
}
