package dev.switchboard.quota.key;

import dev.switchboard.contracts.auth.AuthenticatedKey;
import dev.switchboard.quota.audit.AuditLog;
import dev.switchboard.quota.audit.EntityType;
import dev.switchboard.quota.team.Teams;
import dev.switchboard.serviceweb.ServiceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, rotates, revokes and authenticates gateway keys; every change is audited without key material. */
@Service
class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    /** One message for unknown, revoked and expired keys, so a caller cannot tell which keys once existed. */
    static final String INCORRECT_KEY = "Incorrect API key provided.";

    private final ApiKeys keys;
    private final Teams teams;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final SelfServiceRights selfService;
    private final Clock clock = Clock.systemUTC();

    ApiKeyService(ApiKeys keys, Teams teams, ApplicationEventPublisher events, AuditLog auditLog,
                  SelfServiceRights selfService) {
        this.keys = keys;
        this.teams = teams;
        this.events = events;
        this.auditLog = auditLog;
        this.selfService = selfService;
    }

    @Transactional
    CreatedKey create(String teamId, CreateKeyRequest request) {
        requireTeam(teamId);
        Instant expiresAt = expiry(request);
        String plaintext = request.key() != null ? request.key() : KeyMaterial.newPlaintextKey();
        NewKey key = new NewKey(teamId, request.name().strip(), request.requestsPerMinute(), expiresAt,
                request.allowedModels(), request.metadata(), null, KeyScopes.checked(request.scopes()));
        selfService.requireNoWider(key);
        CreatedKey created = insert(plaintext, key);
        log.info("{} key {} for team {}", request.key() != null ? "Imported" : "Issued", created.id(), teamId);
        return created;
    }

    /** A new key with the old one's team, limits, models and metadata; the old one works for the overlap only. */
    @Transactional
    CreatedKey rotate(String keyId, RotateKeyRequest request) {
        ApiKey old = get(keyId);
        Instant now = clock.instant();
        if (!old.activeAt(now)) {
            throw ServiceException.conflict("key '" + keyId + "' is revoked or expired; issue a new key instead");
        }
        Instant newExpiry = request.expiresInDays() == null ? null : now.plus(Duration.ofDays(request.expiresInDays()));
        NewKey replacement = NewKey.replacing(old, newExpiry);
        selfService.requireNoWider(replacement);
        CreatedKey created = insert(KeyMaterial.newPlaintextKey(), replacement);
        ApiKey ending = keys.expireBy(keyId, now.plusSeconds(request.overlapSeconds())).orElseThrow();
        auditLog.record(EntityType.KEY, keyId, old, ending);
        if (request.overlapSeconds() == 0) {
            events.publishEvent(new ApiKeyRevoked(keyId));
        }
        log.info("Rotated key {} of team {} to {}; the old key ends at {}", keyId, old.teamId(), created.id(),
                ending.expiresAt());
        return created;
    }

    @Transactional(readOnly = true)
    List<ApiKey> list(String teamId) {
        requireTeam(teamId);
        return keys.findByTeam(teamId);
    }

    @Transactional(readOnly = true)
    ApiKey get(String keyId) {
        ApiKey key = keys.findById(keyId).orElseThrow(() -> notFound(keyId));
        selfService.requireOwnKey(key);
        return key;
    }

    @Transactional
    ApiKey revoke(String keyId) {
        ApiKey before = get(keyId);
        ApiKey key = keys.revoke(keyId).orElseThrow(() -> notFound(keyId));
        if (!key.equals(before)) {
            auditLog.record(EntityType.KEY, keyId, before, key);
        }
        log.info("Revoked key {} of team {}", key.id(), key.teamId());
        events.publishEvent(new ApiKeyRevoked(key.id()));
        return key;
    }

    AuthenticatedKey authenticate(String keyHash) {
        if (!KeyMaterial.isSha256Hex(keyHash)) {
            throw ServiceException.invalid("keyHash must be the 64 hex characters of the key's SHA-256 digest");
        }
        Instant now = clock.instant();
        return keys.findByHash(keyHash.toLowerCase(Locale.ROOT))
                .filter(key -> key.activeAt(now))
                .map(key -> new AuthenticatedKey(key.id(), key.teamId(), key.name(), key.scopes()))
                .orElseThrow(() -> new ServiceException(HttpStatus.UNAUTHORIZED, "authentication", INCORRECT_KEY));
    }

    private CreatedKey insert(String plaintext, NewKey key) {
        ApiKey stored;
        try {
            stored = keys.insert(KeyMaterial.newKeyId(), KeyMaterial.sha256Hex(plaintext),
                    KeyMaterial.displayPrefix(plaintext), key);
        } catch (DuplicateKeyException e) {
            // only an imported value can collide; say so without revealing which team holds it
            throw ServiceException.conflict("this key value is already in use; choose another");
        }
        auditLog.record(EntityType.KEY, stored.id(), null, stored);
        return CreatedKey.of(stored, plaintext);
    }

    private Instant expiry(CreateKeyRequest request) {
        if (request.expiresAt() != null && request.expiresInDays() != null) {
            throw ServiceException.invalid("expiresAt: give either expiresAt or expiresInDays, not both");
        }
        Instant now = clock.instant();
        if (request.expiresInDays() != null) {
            return now.plus(Duration.ofDays(request.expiresInDays()));
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ServiceException.invalid("expiresAt: must be in the future");
        }
        return request.expiresAt();
    }

    private void requireTeam(String teamId) {
        selfService.requireOwnTeam(teamId);
        if (!teams.exists(teamId)) {
            throw ServiceException.notFound("no team '" + teamId + "'");
        }
    }

    private static ServiceException notFound(String keyId) {
        return ApiKey.notFound(keyId);
    }
}
