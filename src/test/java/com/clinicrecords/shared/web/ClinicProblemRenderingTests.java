package com.clinicrecords.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import com.clinicrecords.shared.domain.UnauthorizedException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Domain exceptions are Spring ErrorResponseExceptions; their Problem Details keep the API's one shape. */
class ClinicProblemRenderingTests {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwing())
            .setControllerAdvice(new GlobalExceptionHandler())
            .build();

    @Test
    void shouldRenderADomainErrorAsProblemDetails() throws Exception {
        mvc.perform(get("/not-found"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("Patient was not found"))
                .andExpect(jsonPath("$.timestamp").isString());
    }

    @Test
    void shouldCarryExtraPropertiesAndRetryAfter() throws Exception {
        mvc.perform(get("/too-many"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.type").value("/problems/too-many-requests"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(30));
        String body = mvc.perform(get("/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("startsAt"))
                .andExpect(jsonPath("$.errors[0].message").value("must be in the future"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The shared fields come first, as for every other problem; then the exception's own.
        assertThat(body.indexOf("\"timestamp\"")).isPositive().isLessThan(body.indexOf("\"errors\""));
    }

    @Test
    void shouldAskForABearerTokenOn401() throws Exception {
        mvc.perform(get("/unauthorized"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.type").value("/problems/invalid-token"));
    }

    @RestController
    static class Throwing {

        @GetMapping("/not-found")
        void notFound() {
            throw NotFoundException.of("Patient");
        }

        @GetMapping("/too-many")
        void tooMany() {
            throw new TooManyRequestsException("Slow down", Duration.ofSeconds(30));
        }

        @GetMapping("/invalid")
        void invalid() {
            throw new InvalidFieldException("startsAt", "must be in the future");
        }

        @GetMapping("/unauthorized")
        void unauthorized() {
            throw new UnauthorizedException("invalid-token", "The token is invalid");
        }
    }
}
