package dev.switchboard.quota.key;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Makes key ids and plaintext keys, and the digest under which a key is stored and looked up. */
final class KeyMaterial {

    static final String KEY_PREFIX = "sb-";
    static final int SECRET_LENGTH = 40;
    static final int DISPLAY_PREFIX_LENGTH = 10;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern KEY_ID = Pattern.compile("key_[0-9A-Za-z]{16}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMaterial() {
    }

    /** {@code sb-} and 40 base62 characters: about 238 bits of entropy, so a plain SHA-256 is enough (no salt or KDF). */
    static String newPlaintextKey() {
        return KEY_PREFIX + randomBase62(SECRET_LENGTH);
    }

    static String newKeyId() {
        return "key_" + randomBase62(16);
    }

    static String displayPrefix(String plaintext) {
        return plaintext.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes: the same digest the edge computes before it asks. */
    static String sha256Hex(String plaintext) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(plaintext.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether the value has the shape of a key id, as opposed to, say, a key or digest pasted by mistake. */
    static boolean isKeyId(String value) {
        return value != null && KEY_ID.matcher(value).matches();
    }

    static boolean isSha256Hex(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }

    private static String randomBase62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // nextInt(bound) rejects out-of-range draws, so every character is equally likely
            out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return out.toString();
    }
}
