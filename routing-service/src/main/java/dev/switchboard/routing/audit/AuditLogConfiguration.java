package dev.switchboard.routing.audit;

import dev.switchboard.serviceweb.audit.AuditLogTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** routing-service's audit log: {@code routing.audit_log}. */
@Configuration(proxyBeanMethods = false)
class AuditLogConfiguration {

    /** Id order is commit order here, because every admin change holds the registry_version lock. */
    @Bean
    AuditLogTable auditLogTable(JdbcClient jdbc, JsonMapper json) {
        return new AuditLogTable(jdbc, json, "routing.audit_log");
    }
}
