package dev.switchboard.devstack.conformance;

import dev.switchboard.mockprovider.ledger.Vendor;

/** The seeded embedding models: OpenAI's format passed through, and Gemini's batchEmbedContents translated. */
enum EmbeddingModel implements SeededModel {
    OPENAI("text-embedding-3-small", "mock-openai", "text-embedding-3-small", Vendor.OPENAI),
    GEMINI("gemini-embedding-001", "mock-gemini", "gemini-embedding-001", Vendor.GEMINI);

    private final Names names;

    EmbeddingModel(String id, String provider, String upstream, Vendor vendor) {
        this.names = new Names(id, provider, upstream, vendor);
    }

    @Override
    public Names names() {
        return names;
    }
}
