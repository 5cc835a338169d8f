package dev.switchboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.devstack.TestDeployments.Deployment;
import dev.switchboard.devstack.TestDeployments.Price;
import dev.switchboard.mockprovider.ledger.Generation;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ledger bills exactly the tokens each vendor reported, at the registry's prices: the mock provider reports
 * prompt-cache reads and hidden reasoning in OpenAI's, Anthropic's and Gemini's own usage fields, streamed and not,
 * and the ledger row's cost is uncached input × input price + cached × cached price + output × output price, to the
 * last digit. Each case registers a model of its own on the seeded mock provider of that vendor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedSuite.class)
class LedgerCostEndToEndTests {

    /** Prices of the seeded models of each vendor (list prices per 1M tokens, USD). */
    private static final Map<String, Price> PRICES = Map.of(
            "openai", new Price("0.15", "0.075", "0.60"),
            "anthropic", new Price("3", "0.30", "15"),
            "gemini", new Price("0.30", "0.075", "2.50"));

    private LocalSuite suite;

    @BeforeAll
    void useSuite(LocalSuite suite) {
        this.suite = suite;
    }

    @ParameterizedTest(name = "{0}, streamed {1}")
    @CsvSource({"openai, false", "openai, true", "anthropic, false", "anthropic, true", "gemini, false",
            "gemini, true"})
    void billsCachedInputAndReasoningAtTheRegistrysPrices(String vendor, boolean stream) throws Exception {
        try (TestDeployments deployments = new TestDeployments(suite, "ledger-cost-" + vendor)) {
            Deployment model = deployments.chat(TestDeployments.seeded(vendor), PRICES.get(vendor));
            deployments.fault(model, "cached-tokens=9;reasoning-tokens=57");
            EdgeCalls edge = new EdgeCalls(suite);

            HttpResponse<String> response = deployments.awaitRouted(model, () -> edge.chat(model.model(), stream));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String requestId = response.headers().firstValue("x-request-id").orElseThrow();
            Generation reported = deployments.generation(requestId, model);
            assertThat(reported.cachedTokens()).isEqualTo(9);
            assertThat(reported.reasoningTokens()).isEqualTo(57);
            Map<String, Object> row = UsageRows.await(suite, requestId);
            assertThat(row).containsEntry("input_tokens", (long) reported.promptTokens())
                    .containsEntry("cached_input_tokens", 9L)
                    .containsEntry("output_tokens", (long) reported.billedOutputTokens())
                    .containsEntry("reasoning_tokens", 57L)
                    .containsEntry("tokens_estimated", false)
                    .containsEntry("stream", stream)
                    .containsEntry("currency", "USD");
            assertThat((BigDecimal) row.get("cost")).as("%s's tokens at its price", vendor)
                    .isEqualByComparingTo(expectedCost(PRICES.get(vendor), reported));
            assertThat((BigDecimal) row.get("cached_input_price_per_million"))
                    .isEqualByComparingTo(PRICES.get(vendor).cachedInput());
        }
    }

    /** Worked out here from the mock's own counts, independently of the gateway's and the ledger's code. */
    private static BigDecimal expectedCost(Price price, Generation reported) {
        BigDecimal uncached = BigDecimal.valueOf(reported.promptTokens() - reported.cachedTokens());
        return new BigDecimal(price.input()).multiply(uncached)
                .add(new BigDecimal(price.cachedInput()).multiply(BigDecimal.valueOf(reported.cachedTokens())))
                .add(new BigDecimal(price.output()).multiply(BigDecimal.valueOf(reported.billedOutputTokens())))
                .movePointLeft(6);
    }
}
