package dev.switchboard.routing.transfer;

import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the whole registry as one YAML file that {@link RegistryImport} takes back unchanged: each section's
 * entries in key order, each entry its key first and then its PUT body with defaults spelled out.
 */
@Service
class RegistryExport {

    private final List<RegistrySection<?>> sections;

    RegistryExport(List<RegistrySection<?>> sections) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(RegistrySection::order)).toList();
    }

    /** One snapshot: read in a single transaction, so models never name a provider the file lacks. */
    @Transactional(readOnly = true)
    String export() {
        ObjectNode document = RegistryYaml.MAPPER.createObjectNode();
        for (RegistrySection<?> section : sections) {
            ArrayNode entries = document.putArray(section.name());
            section.export().forEach((key, request) -> {
                ObjectNode entry = entries.addObject();
                entry.put(section.keyField(), key);
                entry.setAll((ObjectNode) RegistryYaml.MAPPER.valueToTree(request));
            });
        }
        return RegistryYaml.MAPPER.writeValueAsString(document);
    }
}
