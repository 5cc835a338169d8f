package dev.switchboard.mockprovider.http;

import java.util.concurrent.ThreadLocalRandom;

/** Random ids shaped like each vendor's, so gateways that parse or log them see familiar values. */
public final class Ids {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String HEX = "0123456789abcdef";

    private Ids() {
    }

    public static String base62(int length) {
        return random(BASE62, length);
    }

    public static String hex(int length) {
        return random(HEX, length);
    }

    private static String random(String alphabet, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }
}
