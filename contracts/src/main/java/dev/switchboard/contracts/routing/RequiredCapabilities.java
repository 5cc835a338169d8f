package dev.switchboard.contracts.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * What a request needs from a model, derived by the edge from the request itself (tools declared, a JSON
 * {@code response_format}, image parts, a reasoning effort). Routing serves it only from models whose
 * {@link ModelCapabilities} cover every flag set here.
 */
public record RequiredCapabilities(boolean tools, boolean structuredOutput, boolean vision, boolean reasoning) {

    public static final RequiredCapabilities NONE = new RequiredCapabilities(false, false, false, false);

    /** The required capabilities {@code facts} lacks, by name ({@code tools}, {@code structured_output}, ...). */
    public List<String> missingFrom(ModelCapabilities facts) {
        List<String> missing = new ArrayList<>(2);
        if (tools && !facts.tools()) {
            missing.add("tools");
        }
        if (structuredOutput && !facts.structuredOutput()) {
            missing.add("structured_output");
        }
        if (vision && !facts.vision()) {
            missing.add("vision");
        }
        if (reasoning && "none".equals(facts.reasoningTier())) {
            missing.add("reasoning");
        }
        return missing;
    }
}
