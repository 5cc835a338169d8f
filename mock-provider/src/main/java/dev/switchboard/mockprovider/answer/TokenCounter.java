package dev.switchboard.mockprovider.answer;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Counts and splits text with o200k_base, the tokenizer of current OpenAI models, for every vendor alike. */
public final class TokenCounter {

    private TokenCounter() {
    }

    // Holder idiom: the registry takes about a second to load, so load it once, on first use, thread-safely.
    private static final class Holder {
        static final Encoding ENCODING =
                Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
    }

    /** Loads the tokenizer now, so the first request does not pay for it on an event-loop thread. */
    public static void warmUp() {
        count("warm up");
    }

    /** Tokens of the text; special-token markers such as {@code <|endoftext|>} are counted as plain text. */
    public static int count(String text) {
        return text == null || text.isEmpty() ? 0 : Holder.ENCODING.countTokensOrdinary(text);
    }

    /** The text split at token boundaries: one string per token, concatenating back to the text. */
    public static List<String> pieces(String text) {
        IntArrayList ids = Holder.ENCODING.encodeOrdinary(text);
        List<String> pieces = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            IntArrayList one = new IntArrayList(1);
            one.add(ids.get(i));
            pieces.add(new String(Holder.ENCODING.decodeBytes(one), StandardCharsets.UTF_8));
        }
        return pieces;
    }
}
