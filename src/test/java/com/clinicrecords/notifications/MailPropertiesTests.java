package com.clinicrecords.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.notifications.domain.MailProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MailPropertiesTests {

    @Test
    void shouldDoubleTheBackoffAfterEachFailureUpToTheCap() {
        MailProperties props = new MailProperties(null, null, null, null, 0, 0);
        assertThat(props.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(props.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(props.backoffAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(props.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(props.backoffAfter(500)).isEqualTo(Duration.ofHours(1));
        assertThat(props.maxAttempts()).isEqualTo(8);
    }
}
