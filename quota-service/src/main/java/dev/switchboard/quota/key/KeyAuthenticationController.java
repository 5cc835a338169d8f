package dev.switchboard.quota.key;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.contracts.auth.KeyAuthenticationRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Internal API the edge calls to learn who owns a key; only the key's digest is sent. */
@RestController
class KeyAuthenticationController {

    private final ApiKeyService service;

    KeyAuthenticationController(ApiKeyService service) {
        this.service = service;
    }

    @PostMapping("/internal/v1/keys/authenticate")
    AuthenticatedKey authenticate(@RequestBody KeyAuthenticationRequest request) {
        return service.authenticate(request.keyHash());
    }
}
