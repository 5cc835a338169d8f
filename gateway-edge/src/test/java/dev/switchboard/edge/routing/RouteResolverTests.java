package dev.switchboard.edge.routing;

import static dev.switchboard.edge.routing.ChatBodiesForRouting.chat;
import static dev.switchboard.edge.routing.ChatBodiesForRouting.userSays;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.routing.ModelCapabilities;
import dev.switchboard.contracts.routing.RouteCandidate;
import dev.switchboard.contracts.routing.RouteExplanation;
import dev.switchboard.contracts.routing.RoutePlan;
import dev.switchboard.contracts.routing.RouteResolution.Resolved;
import dev.switchboard.edge.tokens.TokenCounter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class RouteResolverTests {

    /** The real tokenizer, counting how often the resolver falls back on it. */
    private static final class CountingTokenCounter extends TokenCounter {
        final AtomicInteger messageCounts = new AtomicInteger();

        @Override
        public long countMessages(JsonNode messages) {
            messageCounts.incrementAndGet();
            return super.countMessages(messages);
        }
    }

    private static final CountingTokenCounter TOKENS = new CountingTokenCounter();
    private final RouteResolver resolver = new RouteResolver(TOKENS);

    private static RouteCandidate candidate(String model, long window, int maxOutput) {
        return new RouteCandidate("openai-main", "openai", "http://mock", null, model, model, "1", null,
                new ModelCapabilities(window, maxOutput, true, true, false, "none"), null);
    }

    private static RoutePlan plan(RouteCandidate... candidates) {
        return new RoutePlan("model:small", "small", List.of(candidates), 1, "direct");
    }

    private Resolved resolve(RoutePlan plan, String body) {
        return resolver.resolveChat(plan, chat(body), "key-1", null, "req-1").block();
    }

    @Test
    void skipsTheTokenizerWhenTheByteBoundFitsTheSmallestWindow() {
        int before = TOKENS.messageCounts.get();
        RoutePlan plan = plan(candidate("small", 1_000, 500), candidate("large", 100_000, 4_000));

        Resolved resolved = resolver.resolveChat(plan, userSays("Summarise this, please."), "key-1", null, "req-1")
                .block();

        assertThat(resolved.candidates()).extracting(RouteCandidate::model).containsExactly("small", "large");
        assertThat(TOKENS.messageCounts.get()).isEqualTo(before);
    }

    @Test
    void countsTokensWhenTheByteBoundDoesNotSettleItAndKeepsCandidatesTheRealCountFits() {
        int before = TOKENS.messageCounts.get();
        // 1,800 bytes but about 300 tokens: the bound says "maybe not", the tokenizer says it fits
        String prompt = "hello ".repeat(300);

        Resolved resolved = resolve(plan(candidate("small", 1_000, 500)), """
                {"model":"small","messages":[{"role":"user","content":"%s"}],"max_tokens":100}""".formatted(prompt));

        assertThat(resolved.candidates()).extracting(RouteCandidate::model).containsExactly("small");
        assertThat(TOKENS.messageCounts.get()).isEqualTo(before + 1);
    }

    @Test
    void dropsCandidatesTheRequestIsTooLongForAndExplainsWhy() {
        String prompt = "hello ".repeat(3_000);

        Resolved resolved = resolve(plan(candidate("small", 1_000, 500), candidate("large", 100_000, 4_000)), """
                {"model":"small","messages":[{"role":"user","content":"%s"}]}""".formatted(prompt));

        assertThat(resolved.candidates()).extracting(RouteCandidate::model).containsExactly("large");
        assertThat(resolved.explanation().considered()).anySatisfy(c -> {
            assertThat(c.model()).isEqualTo("small");
            assertThat(c.verdict()).isEqualTo(RouteExplanation.REJECTED);
            assertThat(c.reason()).startsWith("context window 1000 <");
        });
    }

    @Test
    void refusesARequestTooLongForEveryCandidateNamingTheNeedAndTheLargestWindow() {
        String body = """
                {"model":"small","messages":[{"role":"user","content":"%s"}],"max_completion_tokens":200}"""
                .formatted("hello ".repeat(3_000));

        StepVerifier.create(resolver.resolveChat(plan(candidate("small", 1_000, 500), candidate("mid", 2_000, 500)),
                        chat(body), "key-1", null, "req-1"))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ContextLengthExceededException.class);
                    ContextLengthExceededException tooLong = (ContextLengthExceededException) error;
                    assertThat(tooLong.status()).isEqualTo(400);
                    assertThat(tooLong.code()).isEqualTo("context_length_exceeded");
                    assertThat(tooLong.param()).isEqualTo("messages");
                    assertThat(tooLong.getMessage()).contains("+ 200 output").contains("(2000 tokens)");
                    assertThat(tooLong.resolved().explanation().considered())
                            .extracting(RouteExplanation.Consideration::verdict)
                            .containsOnly(RouteExplanation.REJECTED);
                })
                .verify();
    }

    @Test
    void refusesAnOutputLimitNoCandidateProduces() {
        StepVerifier.create(resolver.resolveChat(plan(candidate("small", 100_000, 500)), chat("""
                        {"model":"small","messages":[{"role":"user","content":"hi"}],"max_tokens":4000}"""),
                        "key-1", null, "req-1"))
                .expectErrorSatisfies(error -> assertThat(error.getMessage())
                        .contains("up to 4000 output tokens").contains("at most 500"))
                .verify();
    }

    @Test
    void countsUtf8BytesWithoutEncoding() {
        assertThat(ContextBounds.utf8Length("abc")).isEqualTo(3);
        assertThat(ContextBounds.utf8Length("é")).isEqualTo(2);
        assertThat(ContextBounds.utf8Length("€")).isEqualTo(3);
        assertThat(ContextBounds.utf8Length("😀")).isEqualTo(4);
        String mixed = "a é € 😀 日本";
        assertThat(ContextBounds.utf8Length(mixed))
                .isEqualTo(mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
}
