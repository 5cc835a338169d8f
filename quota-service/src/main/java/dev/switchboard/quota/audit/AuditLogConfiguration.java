package dev.switchboard.quota.audit;

import dev.switchboard.serviceweb.audit.AuditLogTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** quota-service's audit log: {@code quota.audit_log}. */
@Configuration(proxyBeanMethods = false)
class AuditLogConfiguration {

    @Bean
    AuditLogTable auditLogTable(JdbcClient jdbc, JsonMapper json) {
        return new AuditLogTable(jdbc, json, "quota.audit_log");
    }
}
