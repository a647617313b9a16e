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
 * without a trailing slash: {@code /api/patients} of {@code /api/patients/{id}}) is worked out once, and a
 * request path that starts with none of its mapping's literal starts skips that mapping. So does a path with a
 * different number of '/' than a pattern that has a fixed number ({@code /api/patients/{id}/images} for
 * {@code /api/patients/{id}}): without that, every mapping below {@code /api/patients} still went through
 * Spring's full check, 9 µs of a patient read in the load benchmark's CPU profile (the whole lookup 48 µs of
 * about 450 µs before). Every other mapping goes through Spring's own check
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
        private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();

        /** Mapping -> what a path must look like to have a chance; {@link Prefilter#NONE} when anything may match. */
        private final Map<RequestMappingInfo, Prefilter> prefilters = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            boolean plain = lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
            LOOKUP.set(plain ? Lookup.of(lookupPath) : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            Lookup lookup = LOOKUP.get();
            if (lookup != null) {
                // get before computeIfAbsent: the latter locks the bin when the key is not its first node, and
                // every request asks for every mapping
                Prefilter prefilter = prefilters.get(info);
                if (prefilter == null) {
                    prefilter = prefilters.computeIfAbsent(info, Prefilter::of);
                }
                if (!prefilter.mayMatch(lookup)) {
                    return null;
                }
            }
            return super.getMatchingMapping(info, request);
        }

        private static int slashes(String path) {
            int n = 0;
            for (int i = 0; i < path.length(); i++) {
                if (path.charAt(i) == '/') {
                    n++;
                }
            }
            return n;
        }

        /** The request path and its number of '/'. */
        record Lookup(String path, int slashes) {

            static Lookup of(String path) {
                return new Lookup(path, Mapping.slashes(path));
            }
        }

        /**
         * Per path pattern of a mapping: its literal start, and its number of '/' when that is fixed (no
         * {@code **} or {@code {*var}}: a variable, {@code *} or {@code ?} never matches a '/', so a matching path
         * has as many, or one more when it ends with '/'); -1 when not fixed.
         */
        record Prefilter(String[] starts, int[] slashes) {

            static final Prefilter NONE = new Prefilter(ANY, new int[0]);

            static Prefilter of(RequestMappingInfo info) {
                PathPatternsRequestCondition paths = info.getPathPatternsCondition();
                if (paths == null || paths.getPatterns().isEmpty()) {
                    return NONE;
                }
                String[] starts = new String[paths.getPatterns().size()];
                int[] slashes = new int[starts.length];
                int i = 0;
                for (PathPattern pattern : paths.getPatterns()) {
                    String text = pattern.getPatternString();
                    String start = literalStart(text);
                    if (start == null) {
                        return NONE;
                    }
                    starts[i] = start;
                    slashes[i++] = text.contains("**") || text.contains("{*") ? -1 : Mapping.slashes(text);
                }
                return new Prefilter(starts, slashes);
            }

            boolean mayMatch(Lookup lookup) {
                if (this == NONE) {
                    return true;
                }
                for (int i = 0; i < starts.length; i++) {
                    if (lookup.path().startsWith(starts[i])
                            && (slashes[i] < 0
                                    || lookup.slashes() == slashes[i]
                                    || (lookup.slashes() == slashes[i] + 1
                                            && lookup.path().endsWith("/")))) {
                        return true;
                    }
                }
                return false;
            }
        }

        /** The pattern up to its first variable or wildcard, without a trailing '/'; null when that is empty. */
        private static String literalStart(String pattern) {
            int end = pattern.length();
            for (int j = 0; j < pattern.length(); j++) {
                char c = pattern.charAt(j);
                if (c == '{' || c == '*' || c == '?') {
                    end = j;
                    break;
                }
            }
            // "/api/**" and "/api/{*rest}" also match "/api": the start stops before the last separator
            while (end > 0 && pattern.charAt(end - 1) == '/') {
                end--;
            }
            return end == 0 ? null : pattern.substring(0, end);
        }
    }
}
