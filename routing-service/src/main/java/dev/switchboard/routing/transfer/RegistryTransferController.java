package dev.switchboard.routing.transfer;

import dev.switchboard.serviceweb.ReadOnlyOperation;
import dev.switchboard.serviceweb.ServiceException;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API to export the registry as YAML and import such a file. A dry run is its own handler so that it can
 * be marked read-only: viewers may check a file without being able to apply it.
 */
@RestController
class RegistryTransferController {

    static final String YAML = "application/yaml";
    private static final String IMPORT = "/api/v1/registry/import";

    private final RegistryExport export;
    private final RegistryImport registryImport;

    RegistryTransferController(RegistryExport export, RegistryImport registryImport) {
        this.export = export;
        this.registryImport = registryImport;
    }

    @GetMapping(value = "/api/v1/registry/export", produces = YAML)
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(YAML)).body(export.export());
    }

    @ReadOnlyOperation
    @PostMapping(value = IMPORT, params = "dryRun=true", consumes = {YAML, "application/x-yaml", "text/yaml"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "a registry file as GET /export writes it",
            content = @Content(mediaType = YAML, schema = @Schema(type = "string")))
    ImportSummary dryRun(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean prune)
            throws IOException {
        return registryImport.importFile(body(request), true, prune);
    }

    @PostMapping(value = IMPORT, consumes = {YAML, "application/x-yaml", "text/yaml"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "a registry file as GET /export writes it",
            content = @Content(mediaType = YAML, schema = @Schema(type = "string")))
    ImportSummary importFile(HttpServletRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
                             @RequestParam(defaultValue = "false") boolean prune) throws IOException {
        return registryImport.importFile(body(request), dryRun, prune);
    }

    /** Reads at most one byte past the limit, so an oversized upload is refused without being held in memory. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > RegistryYaml.MAX_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] yaml = in.readNBytes(RegistryYaml.MAX_BYTES + 1);
            if (yaml.length > RegistryYaml.MAX_BYTES) {
                throw tooLarge();
            }
            return yaml;
        }
    }

    private static ServiceException tooLarge() {
        return new ServiceException(HttpStatus.CONTENT_TOO_LARGE, "invalid_request",
                "registry file is larger than " + RegistryYaml.MAX_BYTES + " bytes");
    }
}
