package com.clinicrecords.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup, with a mapping whose path cannot match passed over before its other conditions
 * are checked.
 *
 * <p>A request to a path with a variable ({@code /api/patients/{id}}) has no direct-path entry, so Spring MVC
 * checks every mapping of the API (about 80) in turn: the HTTP method, parameters, headers and media types of
 * each (several calls through the filters' request wrappers per mapping), then its path patterns. That lookup
 * was 16 % of a patient read's Java CPU in the load benchmark's flight recording, and matching the ~80 path
 * patterns first still 9 %. So each mapping's literal start (the pattern up to its first variable or wildcard,
 * without a trailing slash: {@code /api/patients} of {@code /api/patients/{id}}) is worked out once, and a request path that starts with
 * none of its mapping's literal starts skips that mapping. Every other mapping goes through Spring's own check
 * unchanged, so the chosen handler and the 404/405/406/415 answers are the same as before. Paths with
 * {@code %} or {@code ;} (percent-encoding, matrix variables: Spring decodes or strips those before it compares)
 * are not prefiltered.
 *
 * <p>Written here rather than taken from a library: it is one override of Spring's documented extension point
 * ({@link WebMvcRegistrations}), and no library offers it.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstHandlerMapping {

    @Bean
    WebMvcRegistrations pathFirstRequestMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new Mapping();
            }
        };
    }

    static final class Mapping extends RequestMappingHandlerMapping {

        private static final String[] ANY = new String[0];
        /** The path of the lookup running on this thread; Spring passes it to the lookup but not per mapping. */
        private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

        /** Mapping -> the literal starts of its path patterns, or {@link #ANY} when one of them has none. */
        private final Map<RequestMappingInfo, String[]> literalStarts = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
            LOOKUP_PATH.set(plain ? lookupPath : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP_PATH.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKUP_PATH.get();
            if (path != null && !startsWithAny(path, literalStarts.computeIfAbsent(info, Mapping::literalStarts))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean startsWithAny(String path, String[] starts) {
            if (starts == ANY) {
                return true;
            }
            for (String start : starts) {
                if (path.startsWith(start)) {
                    return true;
                }
            }
            return false;
        }

        static String[] literalStarts(RequestMappingInfo info) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths == null || paths.getPatterns().isEmpty()) {
                return ANY;
            }
            String[] starts = new String[paths.getPatterns().size()];
            int i = 0;
            for (PathPattern pattern : paths.getPatterns()) {
                String text = pattern.getPatternString();
                int end = text.length();
                for (int j = 0; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (c == '{' || c == '*' || c == '?') {
                        end = j;
                        break;
                    }
                }
                // "/api/**" and "/api/{*rest}" also match "/api": the start stops before the last separator
                while (end > 0 && text.charAt(end - 1) == '/') {
                    end--;
                }
                if (end == 0) {
                    return ANY;
                }
                starts[i++] = text.substring(0, end);
            }
            return starts;
        }
    }
}
