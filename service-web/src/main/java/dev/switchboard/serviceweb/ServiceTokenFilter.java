package dev.switchboard.serviceweb;

import dev.switchboard.contracts.error.ServiceError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rejects every call but actuator's that does not carry the token its path needs, and names the principal of an
 * admin call for {@link RoleInterceptor} and the audit log. Authentication only: what a role may do is decided
 * per handler, once the handler is known.
 */
class ServiceTokenFilter extends OncePerRequestFilter {

    static final String SERVICE_TOKEN_HEADER = "x-switchboard-service-token";

    private static final String BEARER = "Bearer ";

    private final byte[] serviceToken;
    private final ApiPrincipals principals;
    private final ObjectProvider<BearerPrincipalResolver> resolver;
    private final JsonMapper json;

    ServiceTokenFilter(ServiceSecurityProperties properties, ApiPrincipals principals,
                       ObjectProvider<BearerPrincipalResolver> resolver, JsonMapper json) {
        this.serviceToken = properties.serviceToken().getBytes(StandardCharsets.UTF_8);
        this.principals = principals;
        this.resolver = resolver;
        this.json = json;
    }

    /**
     * Decides on the servlet path, which the container has already decoded and stripped of {@code ;params} just
     * as the dispatcher sees it: checking the raw URI let {@code /%61pi/...} and {@code /api;x=1/...} through.
     * Deny by default: only actuator endpoints are open, and anything that is not internal needs a principal's token.
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/actuator/")) {
            chain.doFilter(request, response);
        } else if (path.startsWith("/internal/")) {
            allowIf(matches(request.getHeader(SERVICE_TOKEN_HEADER), serviceToken), "service", request, response, chain);
        } else {
            Optional<ApiPrincipal> principal = authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
            principal.ifPresent(found -> found.attachTo(request));
            allowIf(principal.isPresent(), "admin API", request, response, chain);
        }
    }

    /**
     * Configured tokens first, all of them compared in constant time; only a token none of them matched goes to the
     * service's resolver (a gateway key, looked up by its digest), and its failure is the same 401 as any other.
     */
    private Optional<ApiPrincipal> authenticate(String authorization) {
        Optional<ApiPrincipal> configured = principals.authenticate(authorization);
        if (configured.isPresent() || authorization == null || !authorization.startsWith(BEARER)) {
            return configured;
        }
        BearerPrincipalResolver keys = resolver.getIfAvailable();
        String token = authorization.substring(BEARER.length());
        return keys == null || token.isBlank() ? Optional.empty() : keys.resolve(token);
    }

    private void allowIf(boolean allowed, String token, HttpServletRequest request, HttpServletResponse response,
                         FilterChain chain) throws ServletException, IOException {
        if (allowed) {
            chain.doFilter(request, response);
        } else {
            reject(response, "missing or wrong " + token + " token");
        }
    }

    /** Constant-time comparison, so the token cannot be guessed byte by byte from response times. */
    private static boolean matches(String presented, byte[] expected) {
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected);
    }

    private void reject(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), new ServiceError("authentication", message));
    }
}
