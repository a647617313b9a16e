package com.clinicrecords.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A mapping's literal starts end at its first variable or wildcard, before a trailing slash; a pattern without one (a catch-all) turns the
 * prefilter off for that mapping; a pattern without {@code **} or {@code {*var}} also fixes the number of '/'. Which handler a request reaches is covered by every HTTP test of the API.
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
        assertThat(PathFirstHandlerMapping.Mapping.Prefilter.of(
                                RequestMappingInfo.paths().build())
                        .starts())
                .isEmpty();
    }

    @Test
    void shouldPassOverAPathWithADifferentNumberOfSeparatorsOnlyWhenThePatternFixesIt() {
        PathFirstHandlerMapping.Mapping.Prefilter byId = prefilter("/api/patients/{id}");
        assertThat(byId.mayMatch(lookup("/api/patients/42"))).isTrue();
        assertThat(byId.mayMatch(lookup("/api/patients/42/"))).isTrue(); // Spring decides about a trailing slash
        assertThat(byId.mayMatch(lookup("/api/patients/42/images"))).isFalse();
        assertThat(byId.mayMatch(lookup("/api/patients"))).isFalse();
        assertThat(byId.mayMatch(lookup("/api/doctors/42"))).isFalse();

        PathFirstHandlerMapping.Mapping.Prefilter twoPatterns = prefilter("/api/scans/{id}", "/api/images/{id}/file");
        assertThat(twoPatterns.mayMatch(lookup("/api/images/42/file"))).isTrue();
        assertThat(twoPatterns.mayMatch(lookup("/api/scans/42"))).isTrue();
        assertThat(twoPatterns.mayMatch(lookup("/api/scans/42/file"))).isFalse();

        // any depth below the start
        assertThat(prefilter("/api/**").mayMatch(lookup("/api/a/b/c"))).isTrue();
        assertThat(prefilter("/files/{*rest}").mayMatch(lookup("/files/a/b/c"))).isTrue();
        assertThat(prefilter("/{*rest}").mayMatch(lookup("/anything/at/all"))).isTrue();
    }

    private static PathFirstHandlerMapping.Mapping.Prefilter prefilter(String... patterns) {
        return PathFirstHandlerMapping.Mapping.Prefilter.of(info(patterns));
    }

    private static PathFirstHandlerMapping.Mapping.Lookup lookup(String path) {
        return PathFirstHandlerMapping.Mapping.Lookup.of(path);
    }

    private static RequestMappingInfo info(String... patterns) {
        RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
        options.setPatternParser(new PathPatternParser());
        return RequestMappingInfo.paths(patterns).options(options).build();
    }

    private static String[] starts(String... patterns) {
        return prefilter(patterns).starts();
    }
}
