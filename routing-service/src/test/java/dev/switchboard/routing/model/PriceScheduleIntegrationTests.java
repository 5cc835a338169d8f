package dev.switchboard.routing.model;

import static dev.switchboard.routing.RegistryFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.switchboard.routing.RegistryIntegrationTest;
import dev.switchboard.routing.RoutingHttp;
import dev.switchboard.routing.RoutingHttp.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Currencies and scheduled prices, through the admin API, the planner and the registry file. */
class PriceScheduleIntegrationTests extends RegistryIntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RoutingHttp.register(registry, "routing_price_schedule_tests");
    }

    /** Price history outlives models on purpose (bills point at it), so a recreated model would inherit it. */
    @BeforeEach
    void emptyPriceHistory() {
        jdbc.sql("delete from routing.model_prices").update();
    }

    @Test
    void currencyDefaultsToUsDollarsAndIsShownAndPlanned() {
        JsonNode dollars = ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\""));
        JsonNode euros = ok(putPrice("e", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\",\"currency\":\"EUR\""));

        assertThat(dollars.at("/price/currency").asString()).isEqualTo("USD");
        assertThat(euros.at("/price/currency").asString()).isEqualTo("EUR");
        assertThat(get("e").at("/price/currency").asString()).isEqualTo("EUR");
        assertThat(candidatePrice("e").get("currency").asString()).isEqualTo("EUR");
        assertThat(candidatePrice("m").get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void refusesCurrenciesThatAreNotUpperCaseIso4217Codes() {
        for (String code : new String[] {"usd", "XYZ", "US", "EURO", "1US"}) {
            Response response = putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\",\"currency\":\""
                    + code + "\"");
            assertThat(response.status()).as(code + ": " + response).isEqualTo(400);
            assertThat(response.json().get("message").asString())
                    .contains("price.currency: must be an upper-case ISO 4217 currency code such as USD");
        }
        assertThat(count()).isZero();
    }

    @Test
    void aPriceThatDiffersOnlyInCurrencyIsANewVersion() {
        String usd = ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\""))
                .at("/price/priceVersion").asString();
        String sameAgain = ok(putPrice("m", "\"inputPerMillion\":\"1.0\",\"outputPerMillion\":\"2\",\"currency\":\"USD\""))
                .at("/price/priceVersion").asString();
        String eur = ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\",\"currency\":\"EUR\""))
                .at("/price/priceVersion").asString();

        assertThat(sameAgain).isEqualTo(usd);
        assertThat(eur).isNotEqualTo(usd);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void refusesAnEffectiveDateInThePastAndWritesNothing() {
        ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\""));
        Instant past = Instant.now().minus(Duration.ofMinutes(5));

        Response response = putPrice("m", "\"inputPerMillion\":\"3\",\"outputPerMillion\":\"4\",\"effectiveFrom\":\""
                + past + "\"");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).isEqualTo("price.effectiveFrom: must not be in the past");
        assertThat(count()).isEqualTo(1);
        assertThat(get("m").at("/price/inputPerMillion").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void refusesAnEffectiveDateThatIsNotAnInstant() {
        Response response = putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\","
                + "\"effectiveFrom\":\"next tuesday\"");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).contains("price.effectiveFrom");
    }

    @Test
    void aScheduledPriceTakesEffectWhenDueWithoutAnAdminChange() throws InterruptedException {
        String old = ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\""))
                .at("/price/priceVersion").asString();
        Instant due = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        JsonNode scheduled = ok(putPrice("m", "\"inputPerMillion\":\"5\",\"outputPerMillion\":\"6\",\"effectiveFrom\":\""
                + due + "\""));
        long version = registryVersion();

        assertThat(scheduled.at("/price/priceVersion").asString()).isEqualTo(old);
        String next = scheduled.at("/scheduledPrices/0/priceVersion").asString();
        assertThat(next).isNotEqualTo(old);
        assertThat(Instant.parse(scheduled.at("/scheduledPrices/0/effectiveFrom").asString())).isEqualTo(due);
        assertThat(candidatePrice("m").get("priceVersion").asString()).isEqualTo(old);

        while (Instant.now().isBefore(due.plusMillis(100))) {
            Thread.sleep(50);
        }

        assertThat(candidatePrice("m").get("priceVersion").asString()).isEqualTo(next);
        JsonNode model = get("m");
        assertThat(model.at("/price/priceVersion").asString()).isEqualTo(next);
        assertThat(model.get("scheduledPrices").isEmpty()).isTrue();
        assertThat(registryVersion()).isEqualTo(version);
    }

    @Test
    void reSendingAScheduledPriceOrThePriceInForceAddsNoVersion() {
        ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\""));
        String later = "\"inputPerMillion\":\"5\",\"outputPerMillion\":\"6\",\"currency\":\"EUR\",\"effectiveFrom\":\""
                + Instant.now().plus(Duration.ofHours(1)) + "\"";
        JsonNode first = ok(putPrice("m", later));

        JsonNode again = ok(putPrice("m", later));
        JsonNode inForceAgain = ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\""));

        assertThat(again.get("scheduledPrices")).isEqualTo(first.get("scheduledPrices"));
        assertThat(inForceAgain.get("price")).isEqualTo(first.get("price"));
        assertThat(inForceAgain.get("scheduledPrices")).hasSize(1);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void sendingTheScheduledPriceWithoutADateBringsItForward() {
        ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\""));
        ok(putPrice("m", "\"inputPerMillion\":\"5\",\"outputPerMillion\":\"6\",\"effectiveFrom\":\""
                + Instant.now().plus(Duration.ofHours(1)) + "\""));

        JsonNode now = ok(putPrice("m", "\"inputPerMillion\":\"5\",\"outputPerMillion\":\"6\""));

        assertThat(now.at("/price/inputPerMillion").decimalValue()).isEqualByComparingTo("5");
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void importingAnExportLeavesAScheduledPriceAlone() {
        ok(putPrice("m", "\"inputPerMillion\":\"1\",\"outputPerMillion\":\"2\",\"currency\":\"GBP\""));
        JsonNode scheduled = ok(putPrice("m", "\"inputPerMillion\":\"5\",\"outputPerMillion\":\"6\","
                + "\"effectiveFrom\":\"" + Instant.now().plus(Duration.ofHours(1)) + "\""));
        Response export = http.adminYaml(GET, "/api/v1/registry/export", null);
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        long version = registryVersion();

        JsonNode summary = ok(http.adminYaml(POST, "/api/v1/registry/import", export.body()));

        assertThat(export.body()).contains("currency: GBP").doesNotContain("effectiveFrom");
        assertThat(summary.get("changed").asBoolean()).as(summary.toString()).isFalse();
        assertThat(count()).isEqualTo(2);
        assertThat(registryVersion()).isEqualTo(version);
        assertThat(get("m").get("scheduledPrices")).isEqualTo(scheduled.get("scheduledPrices"));
    }

    @Test
    void anImportedPriceDatedInThePastIsRefusedByItsPath() {
        String file = """
                models:
                - name: m
                  provider: p1
                  version: "1"
                  price:
                    inputPerMillion: 1
                    outputPerMillion: 2
                    effectiveFrom: "%s"
                """.formatted(Instant.now().minus(Duration.ofHours(1)));

        Response response = http.adminYaml(POST, "/api/v1/registry/import", file);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asString())
                .contains("models[0].price.effectiveFrom: must not be in the past");
    }

    private Response putPrice(String model, String priceFields) {
        return http.admin(PUT, "/api/v1/models/" + model,
                "{\"provider\":\"p1\",\"version\":\"1\",\"price\":{" + priceFields + "}}");
    }

    private JsonNode get(String model) {
        return ok(http.admin(GET, "/api/v1/models/" + model, null));
    }

    private JsonNode candidatePrice(String model) {
        JsonNode plan = ok(registry.plan("{\"teamId\":\"t1\",\"model\":\"" + model + "\"}"));
        return plan.at("/candidates/0/price");
    }

    private long count() {
        return jdbc.sql("select count(*) from routing.model_prices where model_name = 'm'").query(Long.class).single();
    }

    private long registryVersion() {
        return jdbc.sql("select version from routing.registry_version").query(Long.class).single();
    }
}
