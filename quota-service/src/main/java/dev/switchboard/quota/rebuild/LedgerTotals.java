package dev.switchboard.quota.rebuild;

import dev.switchboard.contracts.usage.UsageTotals;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/** Reads a scope's totals over a range from usage-service's internal API. */
@Component
class LedgerTotals {

    private static final String SERVICE_TOKEN_HEADER = "x-switchboard-service-token";

    private final RestClient client;

    LedgerTotals(LedgerProperties properties, @Value("${switchboard.security.service-token}") String serviceToken) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.client = RestClient.builder().baseUrl(properties.usageUrl()).requestFactory(requests)
                .defaultHeader(SERVICE_TOKEN_HEADER, serviceToken).build();
    }

    UsageTotals of(String scope, Instant from, Instant to) {
        try {
            UsageTotals totals = client.get()
                    .uri(uri -> uri.path("/internal/v1/usage/totals").queryParam("scope", scope)
                            .queryParam("from", from.toString()).queryParam("to", to.toString()).build())
                    .retrieve().body(UsageTotals.class);
            if (totals == null) {
                throw new RebuildUnavailableException("the ledger answered no totals for " + scope, null);
            }
            return totals;
        } catch (RestClientException e) {
            throw new RebuildUnavailableException("the ledger cannot be read: " + e.getMessage(), e);
        }
    }
}
