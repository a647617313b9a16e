package com.clinicrecords.identity.security;

import com.clinicrecords.shared.domain.ForbiddenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS check, except that a refused origin gets the API's Problem Details (403
 * {@code /problems/cors-origin-refused}) instead of the plain-text "Invalid CORS request".
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemSecurityHandlers problems;

    ProblemCorsProcessor(ProblemSecurityHandlers problems) {
        this.problems = problems;
    }

    @Override
    public boolean processRequest(CorsConfiguration config, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        boolean allowed = super.processRequest(config, request, response);
        if (!allowed) {
            problems.resolve(
                    request,
                    response,
                    new ForbiddenException(
                            "cors-origin-refused",
                            "This origin may not call the API; allowed origins are set with CORS_ALLOWED_ORIGINS"));
        }
        return allowed;
    }

    /** Left to {@link #processRequest}, which answers with a Problem instead. */
    @Override
    protected void rejectRequest(ServerHttpResponse response) {
        // nothing written here
    }
}
