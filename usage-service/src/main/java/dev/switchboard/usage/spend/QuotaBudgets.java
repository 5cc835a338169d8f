package dev.switchboard.usage.spend;

import dev.switchboard.serviceweb.ServiceException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The budgets quota-service holds for a scope, read with the caller's own credentials: whoever may read spend here
 * reads budgets there by the same role, and nobody reads through this what quota-service would refuse them.
 */
@Component
class QuotaBudgets {

    private static final ParameterizedTypeReference<List<QuotaBudget>> BUDGETS = new ParameterizedTypeReference<>() {
    };

    private final RestClient client;

    QuotaBudgets(@Value("${switchboard.usage.quota-url:http://localhost:8082}") String quotaUrl,
                 @Value("${switchboard.usage.quota-timeout:2s}") Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        this.client = RestClient.builder().baseUrl(quotaUrl).requestFactory(requests).build();
    }

    /** One budget as quota-service's {@code GET /api/v1/budgets} lists it. */
    record QuotaBudget(String scope, String kind, String period, String timeZone, BigDecimal hardLimit,
                       BigDecimal softThreshold, String currency) {
    }

    List<QuotaBudget> of(String scope, String authorization) {
        try {
            List<QuotaBudget> budgets = client.get()
                    .uri(uri -> uri.path("/api/v1/budgets").queryParam("scope", scope).build())
                    .headers(headers -> {
                        if (authorization != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    })
                    .retrieve().body(BUDGETS);
            return budgets == null ? List.of() : budgets;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                throw new ServiceException(HttpStatus.FORBIDDEN, "forbidden",
                        "quota-service does not let this principal read the budgets of " + scope);
            }
            throw unavailable(e);
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    private static ServiceException unavailable(RestClientException e) {
        return new ServiceException(HttpStatus.BAD_GATEWAY, "budgets_unavailable",
                "quota-service's budgets could not be read: " + e.getClass().getSimpleName());
    }
}
