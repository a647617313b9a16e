package com.clinicrecords.support;

import com.clinicrecords.identity.domain.PhoneNumbers;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of repository slices ({@code @DataJpaTest}): JPA, Flyway and the repositories only, no web layer, no
 * services, on the same real database as the HTTP suite (never H2: the queries under test use MySQL locking and
 * index behaviour). Flyway runs as in production (migration account, Java migrations, table grants for the
 * application account), so a slice can run first or alone. Each test method rolls back unless it opts out.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import(RepositorySliceTest.Migrations.class)
public abstract class RepositorySliceTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    /** What the application adds to Boot's Flyway: the migration account, retired versions, Java migrations. */
    @TestConfiguration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = "com.clinicrecords",
            useDefaultFilters = false,
            includeFilters = {
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = JavaMigration.class),
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "com\\.clinicrecords\\.shared\\.persistence\\.DatabaseAccessConfiguration")
            })
    @Import(PhoneNumbers.class) // the phone-number migration normalises with the application's rules
    @EnableConfigurationProperties(PhoneNumbers.Settings.class)
    static class Migrations {}
}
