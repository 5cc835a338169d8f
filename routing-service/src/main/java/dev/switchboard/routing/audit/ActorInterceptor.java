package dev.switchboard.routing.audit;

import dev.switchboard.serviceweb.ApiPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Works out the actor of every admin call from its principal and actor header before the handler runs, so a
 * bad header is a 400 in the usual error shape (interceptor exceptions go through the same advice) and changes
 * nothing. Runs after service-web's role check, so a role that may not write learns that first.
 */
@Configuration(proxyBeanMethods = false)
class ActorInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String principal = ApiPrincipal.of(request).map(ApiPrincipal::name).orElse(Actor.DEFAULT);
        Actor.rememberForRequest(Actor.of(principal, request.getHeader(Actor.HEADER)));
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }
}
