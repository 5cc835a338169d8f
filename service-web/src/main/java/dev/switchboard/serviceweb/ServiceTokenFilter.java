package dev.switchboard.serviceweb;

import dev.switchboard.contracts.error.ServiceError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/** Rejects internal and admin calls that do not carry the configured token. */
class ServiceTokenFilter extends OncePerRequestFilter {

    static final String SERVICE_TOKEN_HEADER = "x-switchboard-service-token";

    private final byte[] serviceToken;
    private final byte[] adminBearer;
    private final JsonMapper json;

    ServiceTokenFilter(ServiceSecurityProperties properties, JsonMapper json) {
        this.serviceToken = properties.serviceToken().getBytes(StandardCharsets.UTF_8);
        this.adminBearer = ("Bearer " + properties.adminToken()).getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        if (path.startsWith("/internal/") && !matches(request.getHeader(SERVICE_TOKEN_HEADER), serviceToken)) {
            reject(response, "missing or wrong service token");
            return;
        }
        if (path.startsWith("/api/") && !matches(request.getHeader(HttpHeaders.AUTHORIZATION), adminBearer)) {
            reject(response, "missing or wrong admin token");
            return;
        }
        chain.doFilter(request, response);
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
