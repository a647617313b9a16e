package com.clinicrecords.bench;

import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Benchmark-only wiring, active with {@code spring.profiles.active=bench} only: the seeder and a plain servlet
 * that runs the same SQL as the API over bare JDBC (no MVC, no security, no JPA), as the baseline.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench")
class BenchConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain benchSecurity(HttpSecurity http) throws Exception {
        // as little as the chain allows for a baseline: no session, no saved-request lookup
        return http.securityMatcher("/bench/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    @Bean
    ServletRegistrationBean<BareJdbcServlet> bareJdbcServlet(DataSource dataSource) {
        return new ServletRegistrationBean<>(new BareJdbcServlet(dataSource), "/bench/jdbc/*");
    }

    /** {@code bench.scale=2m} seeds the large clinic (see BenchSeeder); anything else the default one. */
    @Bean
    BenchSeeder benchSeeder(
            JdbcTemplate jdbc,
            PasswordEncoder encoder,
            PlatformTransactionManager transactions,
            @Value("${bench.scale:default}") String scale) {
        return new BenchSeeder(jdbc, encoder, transactions, "2m".equalsIgnoreCase(scale));
    }
}
