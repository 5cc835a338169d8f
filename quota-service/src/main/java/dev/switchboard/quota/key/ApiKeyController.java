package dev.switchboard.quota.key;

import dev.switchboard.serviceweb.SelfService;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for gateway keys. Self-service: a key with {@code keys:write} may call it too, for its own team's keys
 * and within its own rights ({@link SelfServiceRights}).
 */
@RestController
@RequestMapping("/api/v1")
@SelfService
class ApiKeyController {

    private final ApiKeyService service;

    ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @PostMapping("/teams/{teamId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey create(@PathVariable String teamId, @Valid @RequestBody CreateKeyRequest request) {
        return service.create(teamId, request);
    }

    @GetMapping("/teams/{teamId}/keys")
    List<ApiKey> list(@PathVariable String teamId) {
        return service.list(teamId);
    }

    @GetMapping("/keys/{keyId}")
    ApiKey get(@PathVariable String keyId) {
        return service.get(keyId);
    }

    @PostMapping("/keys/{keyId}/rotate")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedKey rotate(@PathVariable String keyId, @Valid @RequestBody RotateKeyRequest request) {
        return service.rotate(keyId, request);
    }

    @PostMapping("/keys/{keyId}/revoke")
    ApiKey revoke(@PathVariable String keyId) {
        return service.revoke(keyId);
    }
}
