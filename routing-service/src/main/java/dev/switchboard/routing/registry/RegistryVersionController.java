package dev.switchboard.routing.registry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets the edge check cheaply whether its cached route plans are still current. */
@RestController
class RegistryVersionController {

    private final RegistryVersion registryVersion;

    RegistryVersionController(RegistryVersion registryVersion) {
        this.registryVersion = registryVersion;
    }

    @GetMapping("/internal/v1/registry/version")
    VersionResponse version() {
        return new VersionResponse(registryVersion.current());
    }

    record VersionResponse(long version) {
    }
}
