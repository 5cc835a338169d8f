package dev.switchboard.quota.key;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.quota.team.Teams;
import dev.switchboard.serviceweb.ServiceException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, revokes and authenticates gateway keys. */
@Service
class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    /** One message for unknown and revoked keys, so a caller cannot tell which keys once existed. */
    static final String INCORRECT_KEY = "Incorrect API key provided.";

    private final ApiKeys keys;
    private final Teams teams;
    private final ApplicationEventPublisher events;

    ApiKeyService(ApiKeys keys, Teams teams, ApplicationEventPublisher events) {
        this.keys = keys;
        this.teams = teams;
        this.events = events;
    }

    @Transactional
    CreatedKey create(String teamId, CreateKeyRequest request) {
        requireTeam(teamId);
        String plaintext = request.key() != null ? request.key() : KeyMaterial.newPlaintextKey();
        ApiKey key;
        try {
            key = keys.insert(KeyMaterial.newKeyId(), teamId, request.name().strip(),
                    KeyMaterial.sha256Hex(plaintext), KeyMaterial.displayPrefix(plaintext), request.requestsPerMinute());
        } catch (DuplicateKeyException e) {
            // only an imported value can collide; say so without revealing which team holds it
            throw ServiceException.conflict("this key value is already in use; choose another");
        }
        log.info("{} key {} for team {}", request.key() != null ? "Imported" : "Issued", key.id(), teamId);
        return new CreatedKey(key.id(), key.teamId(), key.name(), key.prefix(), plaintext, key.status(),
                key.requestsPerMinute(), key.createdAt());
    }

    List<ApiKey> list(String teamId) {
        requireTeam(teamId);
        return keys.findByTeam(teamId);
    }

    ApiKey revoke(String keyId) {
        ApiKey key = keys.revoke(keyId).orElseThrow(() -> ServiceException.notFound("no key '" + keyId + "'"));
        log.info("Revoked key {} of team {}", key.id(), key.teamId());
        events.publishEvent(new ApiKeyRevoked(key.id()));
        return key;
    }

    AuthenticatedKey authenticate(String keyHash) {
        if (!KeyMaterial.isSha256Hex(keyHash)) {
            throw ServiceException.invalid("keyHash must be the 64 hex characters of the key's SHA-256 digest");
        }
        return keys.findByHash(keyHash.toLowerCase(Locale.ROOT))
                .filter(ApiKey::active)
                .map(key -> new AuthenticatedKey(key.id(), key.teamId(), key.name(), List.of()))
                .orElseThrow(() -> new ServiceException(HttpStatus.UNAUTHORIZED, "authentication", INCORRECT_KEY));
    }

    private void requireTeam(String teamId) {
        if (!teams.exists(teamId)) {
            throw ServiceException.notFound("no team '" + teamId + "'");
        }
    }
}
