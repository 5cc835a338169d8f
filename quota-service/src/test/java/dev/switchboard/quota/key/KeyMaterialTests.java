package dev.switchboard.quota.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyMaterialTests {

    @Test
    void makesKeysOfFortyBase62CharactersAfterThePrefix() {
        assertThat(KeyMaterial.newPlaintextKey()).matches("sb-[0-9A-Za-z]{40}");
    }

    @Test
    void makesKeyIdsOfSixteenBase62Characters() {
        assertThat(KeyMaterial.newKeyId()).matches("key_[0-9A-Za-z]{16}");
    }

    @Test
    void neverRepeatsAKey() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(KeyMaterial.newPlaintextKey());
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void usesEveryBase62Character() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            KeyMaterial.newPlaintextKey().substring(3).chars().forEach(c -> seen.add((char) c));
        }
        assertThat(seen).hasSize(62);
    }

    @Test
    void showsTheFirstTenCharactersAsPrefix() {
        assertThat(KeyMaterial.displayPrefix("sb-AbCdEfGhIjKl")).isEqualTo("sb-AbCdEfG");
    }

    @Test
    void hashesToLowercaseHexSha256() {
        // FIPS 180-2 test vector for "abc"
        assertThat(KeyMaterial.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void recognisesOnlySixtyFourHexCharactersAsAHash() {
        assertThat(KeyMaterial.isSha256Hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")).isTrue();
        assertThat(KeyMaterial.isSha256Hex("ba7816bf")).isFalse();
        assertThat(KeyMaterial.isSha256Hex("z".repeat(64))).isFalse();
        assertThat(KeyMaterial.isSha256Hex(null)).isFalse();
    }

    @Test
    void tellsKeyIdsFromKeysAndDigests() {
        assertThat(KeyMaterial.isKeyId(KeyMaterial.newKeyId())).isTrue();
        assertThat(KeyMaterial.isKeyId(KeyMaterial.newPlaintextKey())).isFalse();
        assertThat(KeyMaterial.isKeyId(KeyMaterial.sha256Hex("x"))).isFalse();
        assertThat(KeyMaterial.isKeyId(null)).isFalse();
    }

    @Test
    void leavesThePlaintextOutOfTheCreatedKeysToString() {
        CreatedKey created = new CreatedKey("key_1", "team", "n", "sb-AbCdEfG", "sb-AbCdEfGsecret", "active", 5, null,
                null, java.util.List.of(), java.util.Map.of(), null, java.util.List.of());

        assertThat(created.toString()).doesNotContain("secret").contains("key_1");
    }
}
