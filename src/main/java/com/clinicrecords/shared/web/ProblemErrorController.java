package com.clinicrecords.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/legacy JSON error page: errors the container reports outside Spring MVC
 * (a filter failure, a rejected request) still come back as Problem Details, never as a stack trace.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

    @RequestMapping(
            value = "/error",
            produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Called directly (no error being forwarded), /error is just an unknown page.
        HttpStatus status = code == null
                ? HttpStatus.NOT_FOUND
                : code instanceof Integer i && HttpStatus.resolve(i) != null
                        ? HttpStatus.valueOf(i)
                        : HttpStatus.INTERNAL_SERVER_ERROR;
        String slug = status.name().toLowerCase().replace('_', '-');
        String detail = status.is5xxServerError() ? "An unexpected error occurred" : status.getReasonPhrase();
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, slug, status.getReasonPhrase(), detail));
    }
}
