package dev.switchboard.devstack.conformance;

import dev.switchboard.mockprovider.ledger.Vendor;

/**
 * The seeded chat models, one per vendor the mock impersonates: each test runs once with the mock acting as
 * OpenAI, as Anthropic and as Gemini behind the same public model API.
 *
 * @param id       the public model name clients send
 * @param provider the registry's provider id, shown in {@code x-switchboard-provider}
 * @param upstream the provider's own model name, shown in {@code x-switchboard-model} and seen by the mock
 */
enum ChatModel {
    OPENAI("gpt-4o-mini", "mock-openai", "gpt-4o-mini", Vendor.OPENAI),
    ANTHROPIC("claude-sonnet-4-5", "mock-anthropic", "claude-sonnet-4-5", Vendor.ANTHROPIC),
    GEMINI("gemini-2.5-flash", "mock-gemini", "gemini-2.5-flash", Vendor.GEMINI);

    private final String id;
    private final String provider;
    private final String upstream;
    private final Vendor vendor;

    ChatModel(String id, String provider, String upstream, Vendor vendor) {
        this.id = id;
        this.provider = provider;
        this.upstream = upstream;
        this.vendor = vendor;
    }

    String id() {
        return id;
    }

    String provider() {
        return provider;
    }

    String upstream() {
        return upstream;
    }

    Vendor vendor() {
        return vendor;
    }
}
