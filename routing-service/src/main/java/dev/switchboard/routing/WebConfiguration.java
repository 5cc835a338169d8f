package dev.switchboard.routing;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.yaml.JacksonYamlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import java.util.List;
import tools.jackson.core.StreamWriteFeature;

/** HTTP details of this service's API that Spring Boot has no property for. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * Model names may contain '/', and clients that expand {@code /api/v1/models/{name}} send it as
     * {@code %2F}, which Tomcat rejects by default. Passing it through undecoded keeps it inside one path
     * segment, so routing is unchanged and Spring decodes it only in the captured name.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashInModelNames() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    /** Prices read as {@code 0.0000001}, not {@code 1E-7}; both are exact, the first is what admins expect. */
    @Bean
    JsonMapperBuilderCustomizer plainDecimals() {
        return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    /**
     * The YAML module (for registry files) would otherwise make every JSON endpoint take and give YAML too, without
     * the import's guards (size, anchors, duplicate keys). Registry files are read by the import alone.
     */
    @Bean
    WebMvcConfigurer jsonOnlyBodies() {
        return new WebMvcConfigurer() {
            @Override
            public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                converters.removeIf(JacksonYamlHttpMessageConverter.class::isInstance);
            }
        };
    }
}
