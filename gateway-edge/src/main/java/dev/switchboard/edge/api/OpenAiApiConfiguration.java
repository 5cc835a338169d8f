package dev.switchboard.edge.api;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Beans of the public API layer. */
@Configuration(proxyBeanMethods = false)
class OpenAiApiConfiguration {

    /** Remove with the Reactor Netty upgrade that fixes reactor/reactor-netty#4361 (see the handler). */
    @Bean
    NettyServerCustomizer keepAliveReadRearm() {
        return KeepAliveReadRearm.customizer();
    }

    @Bean
    OpenAiErrors openAiErrors(JsonMapper json) {
        return new OpenAiErrors(json);
    }
}
