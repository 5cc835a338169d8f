package dev.switchboard.quota.budget;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;

/**
 * Body of {@code PUT /api/v1/budgets/{scope}/{kind}/{period}}; replaces the budget. Amounts are exact decimals
 * (never floating point); a token budget takes whole numbers and no currency.
 *
 * @param timeZone IANA zone in which periods start, default UTC
 * @param currency ISO 4217 code of a money budget, default USD
 */
record BudgetRequest(@NotNull @Positive @Digits(integer = 14, fraction = 6) BigDecimal hardLimit,
                     @Positive @Digits(integer = 14, fraction = 6) BigDecimal softThreshold,
                     String timeZone,
                     String currency) {
}
