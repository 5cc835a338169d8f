package dev.switchboard.mockprovider.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Thread-safe record of every vendor request received and every response generated, in arrival order. */
public final class MockLedger {

    private final List<ReceivedRequest> received = new ArrayList<>();
    private final List<GenerationRecorder> generations = new ArrayList<>();

    public synchronized void record(ReceivedRequest request) {
        received.add(request);
    }

    /** Opens a ledger entry; the caller reports chunks to it as they are sent. */
    public GenerationRecorder startGeneration(Vendor vendor, String endpoint, String responseId,
                                              String vendorRequestId, String correlationId, String model,
                                              boolean stream, int promptTokens, String toolName) {
        return startGeneration(vendor, endpoint, responseId, vendorRequestId, correlationId, model, stream,
                promptTokens, 0, 0, toolName);
    }

    /** A generation that reports {@code cachedTokens} of its prompt as cached and hidden reasoning tokens. */
    public synchronized GenerationRecorder startGeneration(Vendor vendor, String endpoint, String responseId,
                                                           String vendorRequestId, String correlationId, String model,
                                                           boolean stream, int promptTokens, int cachedTokens,
                                                           int reasoningTokens, String toolName) {
        GenerationRecorder recorder = new GenerationRecorder(vendor, endpoint, responseId, vendorRequestId,
                correlationId, model, stream, promptTokens, cachedTokens, reasoningTokens, toolName);
        generations.add(recorder);
        return recorder;
    }

    public synchronized List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /** Snapshots of all generations; entries of streams still running show their progress so far. */
    public synchronized List<Generation> generations() {
        return generations.stream().map(GenerationRecorder::snapshot).toList();
    }

    public List<Generation> generations(Predicate<Generation> filter) {
        return generations().stream().filter(filter).toList();
    }

    public List<Generation> generations(Vendor vendor) {
        return generations(g -> g.vendor() == vendor);
    }

    /** The latest generation whose request carried this {@code x-switchboard-request-id} / {@code x-request-id}. */
    public Optional<Generation> generationFor(String correlationId) {
        List<Generation> matches = generations(g -> Objects.equals(g.correlationId(), correlationId));
        return matches.isEmpty() ? Optional.empty() : Optional.of(matches.get(matches.size() - 1));
    }

    /** The generation whose body carried this response id. */
    public Optional<Generation> generationByResponseId(String responseId) {
        return generations(g -> Objects.equals(g.responseId(), responseId)).stream().findFirst();
    }

    public Optional<Generation> lastGeneration() {
        List<Generation> all = generations();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public synchronized void clear() {
        received.clear();
        generations.clear();
    }
}
