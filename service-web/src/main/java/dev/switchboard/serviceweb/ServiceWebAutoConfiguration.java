package dev.switchboard.serviceweb;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/** Switches the token filter and the error handler on in every servlet service that has this module. */
@AutoConfiguration
@EnableConfigurationProperties(ServiceSecurityProperties.class)
@Import(ServiceErrorHandler.class)
public class ServiceWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<ServiceTokenFilter> serviceTokenFilter(ServiceSecurityProperties properties,
                                                                  JsonMapper json) {
        FilterRegistrationBean<ServiceTokenFilter> registration =
                new FilterRegistrationBean<>(new ServiceTokenFilter(properties, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
