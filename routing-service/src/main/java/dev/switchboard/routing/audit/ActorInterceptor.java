package dev.switchboard.routing.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads and validates the actor header of every admin call before the handler runs, so a bad header is
 * a 400 in the usual error shape (interceptor exceptions go through the same advice) and changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class ActorInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Actor.rememberForRequest(Actor.fromHeader(request.getHeader(Actor.HEADER)));
        return true;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }
}
