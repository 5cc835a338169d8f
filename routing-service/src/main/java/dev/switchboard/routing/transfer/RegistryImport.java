package dev.switchboard.routing.transfer;

import dev.switchboard.routing.registry.RegistryVersion;
import dev.switchboard.routing.transfer.ImportSummary.SectionSummary;
import dev.switchboard.routing.transfer.RegistryFileReader.Entry;
import dev.switchboard.routing.transfer.RegistryFileReader.ParsedSection;
import dev.switchboard.serviceweb.ServiceException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a registry file in one transaction: all of it or none. Each entry goes through the same checks as its
 * REST PUT; unchanged entries write nothing (no audit entry, no price version); the registry version is bumped
 * once at the end, and only if something changed. A dry run does all of it and rolls back.
 */
@Service
public class RegistryImport {

    private static final Pattern FIELD_FIRST = Pattern.compile("^[A-Za-z][A-Za-z0-9.]*: .*", Pattern.DOTALL);

    private final List<RegistrySection<?>> sections;
    private final Validator validator;
    private final RegistryVersion registryVersion;
    private final TransactionTemplate transactions;

    RegistryImport(List<RegistrySection<?>> sections, Validator validator, RegistryVersion registryVersion,
                   TransactionTemplate transactions) {
        this.sections = sections.stream().sorted(Comparator.comparingInt(RegistrySection::order)).toList();
        this.validator = validator;
        this.registryVersion = registryVersion;
        this.transactions = transactions;
    }

    /**
     * @param prune delete stored entities that a section present in the file does not list; a section the file
     *              leaves out is not touched
     */
    public ImportSummary importFile(byte[] yaml, boolean dryRun, boolean prune) {
        List<ParsedSection<?>> parsed = new RegistryFileReader(sections, validator).read(RegistryYaml.read(yaml));
        return transactions.execute(status -> {
            long version = registryVersion.lock();
            Map<String, SectionSummary> summaries = new LinkedHashMap<>();
            parsed.forEach(section -> summaries.put(section.section().name(), SectionSummary.empty()));
            for (ParsedSection<?> section : parsed) {
                apply(section, summaries);
            }
            if (prune) {
                for (int i = parsed.size() - 1; i >= 0; i--) {
                    prune(parsed.get(i), summaries);
                }
            }
            parsed.forEach(section -> section.section().checkWhole());
            boolean changed = summaries.values().stream().anyMatch(SectionSummary::changedAnything);
            if (dryRun) {
                status.setRollbackOnly();
            }
            else if (changed) {
                version = registryVersion.bump();
            }
            return new ImportSummary(dryRun, changed, version, summaries);
        });
    }

    private static <R> void apply(ParsedSection<R> parsed, Map<String, SectionSummary> summaries) {
        String name = parsed.section().name();
        for (Entry<R> entry : parsed.entries()) {
            Change change = atPath(entry.path(), () -> parsed.section().apply(entry.key(), entry.request()));
            summaries.put(name, summaries.get(name).with(entry.key(), change));
        }
    }

    private static <R> void prune(ParsedSection<R> parsed, Map<String, SectionSummary> summaries) {
        RegistrySection<R> section = parsed.section();
        Set<String> listed = new HashSet<>();
        parsed.entries().forEach(entry -> listed.add(entry.key()));
        for (String key : new ArrayList<>(section.keys())) {
            if (!listed.contains(key)) {
                atPath(section.name() + "[" + section.keyField() + "=" + key + "]", () -> {
                    section.delete(key);
                    return null;
                });
                summaries.put(section.name(), summaries.get(section.name()).withDeleted(key));
            }
        }
    }

    private static <T> T atPath(String path, Supplier<T> work) {
        try {
            return work.get();
        }
        catch (ServiceException e) {
            throw new ServiceException(e.status(), e.type(), atPath(path, e.getMessage()));
        }
    }

    /** Puts the entry's place in the file in front of a message: {@code models[3].price: ...} or {@code models[3]: ...}. */
    static String atPath(String path, String message) {
        return FIELD_FIRST.matcher(message).matches() ? path + "." + message : path + ": " + message;
    }
}
