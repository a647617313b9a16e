package com.clinicrecords.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error page, for what it refuses before the application sees the request (a bad %-escape in
 * the path, an oversized header, an unsupported HTTP version...), written as Problem Details JSON instead of
 * an HTML page. Errors inside the application still go through {@link GlobalExceptionHandler} and
 * {@link ProblemErrorController}; this valve only writes when nothing else has.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        String slug = status == null ? "error" : status.name().toLowerCase().replace('_', '-');
        String title = status == null ? "Error" : status.getReasonPhrase();
        String detail = code >= 500 ? "An unexpected error occurred" : title;
        String json = "{\"type\":\"/problems/" + slug + "\",\"title\":\"" + title + "\",\"status\":" + code
                + ",\"detail\":\"" + detail + "\",\"timestamp\":\"" + Instant.now() + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response was committed meanwhile: nothing more to say
        }
    }
}
