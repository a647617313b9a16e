package com.clinicrecords.shared.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Binds a separate management port ({@code MANAGEMENT_PORT}) to {@code MANAGEMENT_ADDRESS}, 127.0.0.1 unless set,
 * so metrics are never exposed to the network by accident. Written as code because Spring Boot refuses {@code
 * management.server.address} whenever the actuator shares the public port (the default here), so the address
 * cannot simply be defaulted in application.yml.
 */
public class ManagementServerDefaults implements EnvironmentPostProcessor {

    static final String DEFAULT_ADDRESS = "127.0.0.1";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StringUtils.hasText(environment.getProperty("management.server.port"))
                || environment.containsProperty("management.server.address")) {
            return;
        }
        String address = environment.getProperty("MANAGEMENT_ADDRESS", DEFAULT_ADDRESS);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "managementServerDefaults",
                        Map.of("management.server.address", StringUtils.hasText(address) ? address : DEFAULT_ADDRESS)));
    }
}
