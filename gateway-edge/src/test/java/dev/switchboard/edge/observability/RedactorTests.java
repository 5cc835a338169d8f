package dev.switchboard.edge.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTests {

    @Test
    void masksEmailAddresses() {
        assertThat(Redactor.redact("write to jane.doe+llm@mail.example.co.uk today"))
                .isEqualTo("write to [REDACTED:email] today");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415 555 2671", "(415) 555-2671", "415-555-2671", "+44 20 7946 0958",
            "+49.30.1234.5678"})
    void masksPhoneNumbers(String phone) {
        assertThat(Redactor.redact("call me on " + phone + ", thanks")).isEqualTo("call me on [REDACTED:phone], thanks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111 1111 1111 1111", "4111-1111-1111-1111", "5500005555555559", "378282246310005"})
    void masksCardNumbersThatPassTheLuhnCheck(String card) {
        assertThat(Redactor.redact("my card is " + card + ".")).isEqualTo("my card is [REDACTED:card].");
    }

    @Test
    void keepsLongNumbersThatAreNotCardNumbers() {
        assertThat(Redactor.redact("order 4111 1111 1111 1112 shipped")).isEqualTo("order 4111 1111 1111 1112 shipped");
        assertThat(Redactor.redact("invoice 1234567890123")).isEqualTo("invoice 1234567890123");
    }

    @Test
    void masksApiKeysAndBearerTokens() {
        assertThat(Redactor.redact("key sk-proj-AbCdEf0123456789xyzXYZ and sk-ant-api03-abcdefghijklmnop0123"))
                .isEqualTo("key [REDACTED:api_key] and [REDACTED:api_key]");
        assertThat(Redactor.redact("gateway key sb-9f8e7d6c5b4a39281706"))
                .isEqualTo("gateway key [REDACTED:api_key]");
        assertThat(Redactor.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc"))
                .isEqualTo("Authorization: Bearer [REDACTED:token]");
        assertThat(Redactor.redact("token ghp_0123456789abcdefghijABCDEFGHIJ0123456789"))
                .isEqualTo("token [REDACTED:api_key]");
    }

    @Test
    void masksAwsAccessKeysAndPrivateKeyBlocks() {
        assertThat(Redactor.redact("aws AKIAIOSFODNN7EXAMPLE here")).isEqualTo("aws [REDACTED:aws_key] here");
        assertThat(Redactor.redact("""
                before
                -----BEGIN RSA PRIVATE KEY-----
                MIIEowIBAAKCAQEA0123
                -----END RSA PRIVATE KEY-----
                after""")).isEqualTo("before\n[REDACTED:private_key]\nafter");
    }

    @Test
    void masksTheValueOfPasswordStylePairsButKeepsTheirName() {
        assertThat(Redactor.redact("db password=hunter2; user=bob"))
                .isEqualTo("db password=[REDACTED:secret]; user=bob");
        assertThat(Redactor.redact("{\"client_secret\": \"s3cr3t value\"}"))
                .isEqualTo("{\"client_secret\": [REDACTED:secret]}");
        assertThat(Redactor.redact("API_KEY: abc123")).isEqualTo("API_KEY: [REDACTED:secret]");
    }

    @Test
    void masksLongRandomLookingTokens() {
        assertThat(Redactor.redact("use Zx8pQ2rT9vW4yB7nM1kL6hJ3gF5dS0aE to sign"))
                .isEqualTo("use [REDACTED:token] to sign");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The meeting is on 2026-11-22 at 14:30 in room 101.",
            "Version 4.0.7 was released on 15/01/2026; it costs $1,250.00.",
            "Ping 192.168.100.200 and 10.0.0.1 please.",
            "We sold 1234567 units, order number 98765.",
            "The commit is 3f786850e387550fdab836ed7e6dc881de23001b.",
            "internationalization-and-localization-considerations matter",
            "The year 2025 had 365 days and 8760 hours."})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void luhnAcceptsValidAndRejectsAlteredNumbers() {
        assertThat(Redactor.Luhn.valid("4111111111111111")).isTrue();
        assertThat(Redactor.Luhn.valid("4111111111111112")).isFalse();
        assertThat(Redactor.Luhn.valid("0000000")).as("too short for a card").isFalse();
    }
}
