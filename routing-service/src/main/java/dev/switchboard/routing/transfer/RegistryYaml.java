package dev.switchboard.routing.transfer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.switchboard.serviceweb.ServiceException;
import java.io.ByteArrayInputStream;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes registry files. The file comes from outside (an upload, a mounted ConfigMap), so reading is
 * guarded: a size limit, no anchors or aliases (the classic expansion bomb, and nothing a registry needs), one
 * document, duplicate keys refused (the second would silently win), unknown fields refused (a typo would
 * silently drop a setting), decimals read exactly.
 */
final class RegistryYaml {

    static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final int MAX_NESTING = 32;

    private static final LoadSettings LOAD_SETTINGS = LoadSettings.builder()
            .setAllowDuplicateKeys(false)
            .setMaxAliasesForCollections(0)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(MAX_BYTES)
            .build();

    static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .loadSettings(LOAD_SETTINGS)
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private RegistryYaml() {
    }

    /** The file's single document as a tree; 400 (413 when too large) with a reason when it is not acceptable. */
    static JsonNode read(byte[] yaml) {
        if (yaml.length > MAX_BYTES) {
            throw new ServiceException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request",
                    "registry file is larger than " + MAX_BYTES + " bytes");
        }
        refuseAnchorsAndMoreDocuments(yaml);
        try {
            JsonNode document = MAPPER.readTree(yaml);
            if (document == null || document.isMissingNode() || document.isNull()) {
                throw ServiceException.invalid("registry file is empty");
            }
            if (!document.isObject()) {
                throw ServiceException.invalid("registry file must be a mapping of sections");
            }
            return document;
        }
        catch (JacksonException e) {
            throw ServiceException.invalid("registry file is not acceptable YAML" + location(e) + ": "
                    + e.getOriginalMessage());
        }
    }

    private static void refuseAnchorsAndMoreDocuments(byte[] yaml) {
        int documents = 0;
        try {
            for (Event event : new Parse(LOAD_SETTINGS).parseInputStream(new ByteArrayInputStream(yaml))) {
                if (event instanceof AliasEvent || event instanceof NodeEvent node && node.getAnchor().isPresent()) {
                    throw ServiceException.invalid("registry file uses YAML anchors or aliases" + line(event)
                            + "; write every entry out in full");
                }
                if (event instanceof DocumentStartEvent && ++documents > 1) {
                    throw ServiceException.invalid("registry file has more than one YAML document" + line(event));
                }
            }
        }
        catch (YamlEngineException e) {
            throw ServiceException.invalid("registry file is not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    private static String line(Event event) {
        return event.getStartMark().map(mark -> " (line " + (mark.getLine() + 1) + ")").orElse("");
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
