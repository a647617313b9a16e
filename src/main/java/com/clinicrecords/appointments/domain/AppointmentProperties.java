package com.clinicrecords.appointments.domain;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Booking rules ({@code clinic.appointments.*}).
 *
 * @param allowAnyDoctor     patients may book any doctor, not only linked ones
 * @param maxOpenPerPatient  cap on a patient's future BOOKED/CONFIRMED appointments (422 beyond)
 * @param maxDuration        longest appointment
 * @param maxRangeDays       widest from/to window for availability and calendars
 * @param zone               time zone in which doctors' working hours are given
 */
@ConfigurationProperties("clinic.appointments")
public record AppointmentProperties(
        boolean allowAnyDoctor, Integer maxOpenPerPatient, Duration maxDuration, Integer maxRangeDays, ZoneId zone) {

    public AppointmentProperties {
        maxOpenPerPatient = maxOpenPerPatient == null ? 10 : maxOpenPerPatient;
        maxDuration = maxDuration == null ? Duration.ofHours(4) : maxDuration;
        maxRangeDays = maxRangeDays == null ? 31 : maxRangeDays;
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }
}
