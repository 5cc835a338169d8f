package dev.switchboard.serviceweb;

import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Switches the token filter, the role checks and the error handler on in every servlet service that has this
 * module, plus the shared API document settings when the service has springdoc.
 */
@AutoConfiguration
@EnableConfigurationProperties(ServiceSecurityProperties.class)
@Import({ServiceErrorHandler.class, ServiceOpenApiConfiguration.class})
public class ServiceWebAutoConfiguration {

    @Bean
    FilterRegistrationBean<ServiceTokenFilter> serviceTokenFilter(ServiceSecurityProperties properties,
                                                                  ObjectProvider<BearerPrincipalResolver> resolver,
                                                                  JsonMapper json) {
        FilterRegistrationBean<ServiceTokenFilter> registration = new FilterRegistrationBean<>(
                new ServiceTokenFilter(properties, new ApiPrincipals(properties), resolver, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Before the token filter, so even a refused call's log lines name the request. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** First of all interceptors, so a role that may not call a handler learns it before anything else is checked. */
    @Bean
    WebMvcConfigurer roleChecks(ObjectProvider<ReadableByEveryRole> readableByEveryRole) {
        Predicate<HandlerMethod> everyRole = method -> readableByEveryRole.stream()
                .anyMatch(handlers -> handlers.test(method));
        RoleInterceptor interceptor = new RoleInterceptor(everyRole);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).order(Ordered.HIGHEST_PRECEDENCE);
            }
        };
    }

    /** Handlers that every role may read although their code cannot carry {@link ReadableBy}. */
    interface ReadableByEveryRole extends Predicate<HandlerMethod> {
    }
}
