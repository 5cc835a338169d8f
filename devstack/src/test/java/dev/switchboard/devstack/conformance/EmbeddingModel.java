package dev.switchboard.devstack.conformance;

import dev.switchboard.mockprovider.ledger.Vendor;

/** The seeded embedding models: OpenAI's format passed through, and Gemini's batchEmbedContents translated. */
enum EmbeddingModel {
    OPENAI("text-embedding-3-small", "mock-openai", "text-embedding-3-small", Vendor.OPENAI),
    GEMINI("gemini-embedding-001", "mock-gemini", "gemini-embedding-001", Vendor.GEMINI);

    private final String id;
    private final String provider;
    private final String upstream;
    private final Vendor vendor;

    EmbeddingModel(String id, String provider, String upstream, Vendor vendor) {
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
