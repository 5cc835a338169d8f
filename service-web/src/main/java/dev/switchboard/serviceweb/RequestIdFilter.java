package dev.switchboard.serviceweb;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@code x-request-id} the edge sends on its internal calls into the MDC for the call's duration, so every
 * log line about the request carries it as {@code request.id} (the edge's name for it too). A servlet request stays
 * on its thread, and the entry is removed before the thread serves another.
 */
class RequestIdFilter extends OncePerRequestFilter {

    static final String HEADER = "x-request-id";
    static final String MDC_KEY = "request.id";
    /** Ids are the edge's own ({@code req_} and hex); a longer value is not one and is not logged. */
    private static final int MAX_LENGTH = 64;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(HEADER);
        if (requestId == null || requestId.isEmpty() || requestId.length() > MAX_LENGTH) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(MDC_KEY, requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
