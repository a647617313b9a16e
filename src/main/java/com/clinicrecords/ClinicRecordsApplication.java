package com.clinicrecords;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

// No in-memory user with a generated password: all accounts live in the database.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
// Async: listeners of events between modules (@ApplicationModuleListener) run on Boot's task executor.
@EnableAsync
@EnableScheduling
public class ClinicRecordsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClinicRecordsApplication.class, args);
    }
}
