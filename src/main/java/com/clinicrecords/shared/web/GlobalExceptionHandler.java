package com.clinicrecords.shared.web;

import com.clinicrecords.shared.domain.ClinicException;
import com.clinicrecords.shared.domain.PayloadTooLargeException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

/**
 * The single place that turns exceptions into RFC 9457 Problem Details. Spring MVC's own errors (bad JSON,
 * wrong method, unknown route, oversized upload...) and domain errors ({@link ClinicException}, an
 * {@code ErrorResponseException}) come through {@link ResponseEntityExceptionHandler}, which this decorates in
 * {@link #createResponseEntity}; anything unexpected becomes a generic 500 without details.
 */
@RestControllerAdvice
public class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);
    private static final String RETRY_AFTER_DB = "5";

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> handleAuthentication(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthorized",
                        "Unauthorized",
                        "Authentication is required to access this resource"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Forbidden",
                        "You do not have permission to perform this action"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", leafName(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return badRequest(errors);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException e) {
        log.info("Integrity violation: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT, "conflict", "Conflict", "The request conflicts with existing data"));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, PessimisticLockingFailureException.class})
    ResponseEntity<ProblemDetail> handleLockConflict(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(
                        HttpStatus.CONFLICT,
                        "concurrent-modification",
                        "Conflict",
                        "The record was changed by someone else; reload it and try again"));
    }

    @ExceptionHandler({
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessResourceException.class
    })
    ResponseEntity<ProblemDetail> handleDatabaseDown(RuntimeException e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_DB)
                .body(Problems.of(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "service-unavailable",
                        "Service unavailable",
                        "The service is temporarily unavailable; please retry shortly"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected error", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "internal-error",
                        "Internal server error",
                        "An unexpected error occurred"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(GlobalExceptionHandler::fieldError)
                .toList();
        List<Map<String, String>> globalErrors = ex.getBindingResult().getGlobalErrors().stream()
                .map(g -> Map.of("field", g.getObjectName(), "message", String.valueOf(g.getDefaultMessage())))
                .toList();
        List<Map<String, String>> all = new java.util.ArrayList<>(errors);
        all.addAll(globalErrors);
        return new ResponseEntity<>(badRequest(all).getBody(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> Map.of(
                                "field", String.valueOf(r.getMethodParameter().getParameterName()),
                                "message", String.valueOf(err.getDefaultMessage()))))
                .toList();
        return new ResponseEntity<>(badRequest(errors).getBody(), HttpStatus.BAD_REQUEST);
    }

    /**
     * Unreadable bodies: a value of the wrong type names its field; JSON that does not parse is reported
     * against "body". The parser's own message is never echoed (it can quote the input). A body cut off by
     * {@link RequestBodyLimitFilter} also surfaces here; it is a 413.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimitFilter.BodyTooLargeIOException tooLarge) {
                PayloadTooLargeException problem = new PayloadTooLargeException(tooLarge.maxBytes());
                return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), request);
            }
        }
        String field = "body";
        String message = "must be well-formed JSON";
        // Walk the chain: for a bad date/instant the most specific cause is the DateTimeParseException
        // wrapped inside Jackson's exception, which is the one that knows the field path.
        DatabindException bind = databindCause(ex);
        if (bind != null && !bind.getPath().isEmpty()) {
            field = bind.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."));
            message = "has the wrong type or format";
        }
        return new ResponseEntity<>(
                badRequest(List.of(Map.of("field", field, "message", message))).getBody(), HttpStatus.BAD_REQUEST);
    }

    private static DatabindException databindCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof DatabindException bind) {
                return bind;
            }
        }
        return null;
    }

    /** Gives Spring MVC's own problems (400/404/405/413/415...) the same type/timestamp/requestId shape. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null
                    || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.type(slugFor(statusCode)));
            }
            problem.setInstance(null);
            Problems.decorate(problem);
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ResponseEntity<ProblemDetail> badRequest(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                "Validation failed",
                "The request contains invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage()));
    }

    private static String leafName(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private static String slugFor(HttpStatusCode status) {
        HttpStatus resolved = HttpStatus.resolve(status.value());
        return resolved == null ? "error" : resolved.name().toLowerCase().replace('_', '-');
    }
}
