package com.clinicrecords.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

/** The pool's size: DB_POOL_SIZE when set, otherwise HikariCP's rule for this host's cores. */
class ConnectionPoolDefaultsTests {

    private static final String DEFAULT =
            String.valueOf(2 * Runtime.getRuntime().availableProcessors() + 1);

    @Test
    void shouldFollowHikariRuleForTheHostsCoresWhenUnsetOrEmpty() {
        assertThat(sizeWith(new MockEnvironment())).isEqualTo(DEFAULT);
        assertThat(sizeWith(new MockEnvironment().withProperty("DB_POOL_SIZE", "")))
                .isEqualTo(DEFAULT);
        assertThat(sizeWith(new MockEnvironment().withProperty("DB_POOL_SIZE", "  ")))
                .isEqualTo(DEFAULT);
        assertThat(ConnectionPoolDefaults.forCores(2)).isEqualTo(5);
        assertThat(ConnectionPoolDefaults.forCores(16)).isEqualTo(33);
        assertThat(ConnectionPoolDefaults.forCores(0)).isEqualTo(3);
    }

    @Test
    void shouldTakeTheConfiguredSize() {
        assertThat(sizeWith(new MockEnvironment().withProperty("DB_POOL_SIZE", "12")))
                .isEqualTo("12");
        assertThat(sizeWith(new MockEnvironment()
                        .withProperty("DB_POOL_SIZE", "12")
                        .withProperty(ConnectionPoolDefaults.PROPERTY, "7")))
                .isEqualTo("7");
    }

    @Test
    void shouldBeRegisteredForEveryStart() {
        // Spring Boot's own post-processors need constructor arguments: those are skipped here
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
                        .load(
                                EnvironmentPostProcessor.class,
                                SpringFactoriesLoader.FailureHandler.handleMessage((m, e) -> {})))
                .anyMatch(ConnectionPoolDefaults.class::isInstance);
    }

    private static String sizeWith(MockEnvironment environment) {
        new ConnectionPoolDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(ConnectionPoolDefaults.PROPERTY);
    }
}
