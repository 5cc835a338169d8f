package dev.switchboard.edge.observability;

import java.util.List;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data and secrets in text before it is logged: private key blocks, bearer tokens, vendor API keys
 * (OpenAI/Anthropic {@code sk-}, our {@code sb-}, GitHub, Slack, Google), AWS access key ids, {@code password=}-style
 * pairs, e-mail addresses, payment card numbers (Luhn-checked), phone numbers and long random-looking tokens.
 * It errs towards keeping ordinary text: dates, times, versions, amounts and IP addresses are left alone.
 */
public final class Redactor {

    private record Rule(Pattern pattern, Function<MatchResult, String> replacement) {
    }

    private static final Pattern SECRET_PAIR_NAME = Pattern.compile(
            "(?i)(pass(?:word|wd)?|pwd|secret|client[_-]?secret|api[_-]?key|access[_-]?key|access[_-]?token"
                    + "|auth[_-]?token|token|private[_-]?key)");

    /** Order matters: the specific shapes go first, so a key is named as a key rather than as a random token. */
    private static final List<Rule> RULES = List.of(
            rule("-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)",
                    Pattern.DOTALL, match -> "[REDACTED:private_key]"),
            rule("(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{8,}", 0, match -> "Bearer [REDACTED:token]"),
            rule("\\b(?:sk|sb|pk|rk)-[A-Za-z0-9_-]{16,}|\\bgh[pousr]_[A-Za-z0-9]{30,}|\\bxox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|\\bAIza[0-9A-Za-z_-]{35}", 0, match -> "[REDACTED:api_key]"),
            rule("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", 0, match -> "[REDACTED:aws_key]"),
            rule("(?i)([\"']?\\b" + SECRET_PAIR_NAME.pattern() + "[\"']?\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s,;&]+)",
                    0, match -> match.group(1) + "[REDACTED:secret]"),
            rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}", 0,
                    match -> "[REDACTED:email]"),
            rule("(?<![\\w.-])\\d(?:[ -]?\\d){12,18}(?![\\w-])", 0,
                    match -> Luhn.valid(match.group()) ? "[REDACTED:card]" : match.group()),
            rule("(?<![\\w.+-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,4}(?:[ .-]\\d{2,4}){1,3}(?![\\w-])",
                    0, match -> phoneLike(match.group()) ? "[REDACTED:phone]" : match.group()),
            rule("(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_=-]{32,}(?![A-Za-z0-9+/_=-])", 0,
                    match -> randomLooking(match.group()) ? "[REDACTED:token]" : match.group()));

    private Redactor() {
    }

    private static Rule rule(String regex, int flags, Function<MatchResult, String> replacement) {
        return new Rule(Pattern.compile(regex, flags), replacement);
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(redacted);
            redacted = matcher.replaceAll(match -> Matcher.quoteReplacement(rule.replacement().apply(match)));
        }
        return redacted;
    }

    /**
     * 9 to 15 digits, as E.164 allows, with separators or a leading +. A dotted run of groups of at most three
     * digits is an IP address or a version, and a yyyy-mm-dd start is a date: neither is a phone number.
     */
    static boolean phoneLike(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        if (digits < 9 || digits > 15) {
            return false;
        }
        if (candidate.matches("\\d{1,3}(?:\\.\\d{1,3}){2,}")) {
            return false;
        }
        return !candidate.matches("(?:19|20)\\d{2}[-./]\\d{2}[-./]\\d{2}.*");
    }

    /** Mixed case and digits with high entropy: what generated secrets look like, and words or hex hashes do not. */
    static boolean randomLooking(String token) {
        boolean upper = token.chars().anyMatch(Character::isUpperCase);
        boolean lower = token.chars().anyMatch(Character::isLowerCase);
        boolean digit = token.chars().anyMatch(Character::isDigit);
        return upper && lower && digit && entropyBitsPerChar(token) >= 4.0;
    }

    private static double entropyBitsPerChar(String token) {
        int[] counts = new int[128];
        for (int i = 0; i < token.length(); i++) {
            counts[token.charAt(i) & 127]++;
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / token.length();
                entropy -= p * Math.log(p) / Math.log(2);
            }
        }
        return entropy;
    }

    /** The Luhn checksum every payment card number satisfies. */
    static final class Luhn {

        private Luhn() {
        }

        static boolean valid(String number) {
            int sum = 0;
            boolean doubled = false;
            int digits = 0;
            for (int i = number.length() - 1; i >= 0; i--) {
                char c = number.charAt(i);
                if (!Character.isDigit(c)) {
                    continue;
                }
                int digit = c - '0';
                if (doubled) {
                    digit *= 2;
                    if (digit > 9) {
                        digit -= 9;
                    }
                }
                sum += digit;
                doubled = !doubled;
                digits++;
            }
            return digits >= 13 && digits <= 19 && sum % 10 == 0;
        }
    }
}
