package com.clinicrecords.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A mapping's literal starts end at its first variable or wildcard, before a trailing slash; a pattern without one (a catch-all) turns the
 * prefilter off for that mapping. Which handler a request reaches is covered by every HTTP test of the API.
 */
class PathFirstHandlerMappingTests {

    @Test
    void shouldCutEachPatternAtItsFirstVariableOrWildcard() {
        assertThat(starts("/api/patients/{id}")).containsExactly("/api/patients");
        assertThat(starts("/api/patients")).containsExactly("/api/patients");
        assertThat(starts("/api/images/{id}/file", "/api/scans/*"))
                .containsExactlyInAnyOrder("/api/images", "/api/scans");
        // "/api/**" also matches "/api"
        assertThat(starts("/api/**")).containsExactly("/api");
        assertThat(starts("/api/{*rest}")).containsExactly("/api");
        assertThat(starts("/api/file?.txt")).containsExactly("/api/file");
    }

    @Test
    void shouldNotPrefilterAMappingThatCanMatchAnyPath() {
        assertThat(starts("/{*rest}")).isEmpty();
        assertThat(starts("/api/patients", "/**")).isEmpty();
        assertThat(PathFirstHandlerMapping.Mapping.literalStarts(
                        RequestMappingInfo.paths().build()))
                .isEmpty();
    }

    private static String[] starts(String... patterns) {
        RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(new PathPatternParser());
        return PathFirstHandlerMapping.Mapping.literalStarts(
                RequestMappingInfo.paths(patterns).options(options).build());
    }
}
