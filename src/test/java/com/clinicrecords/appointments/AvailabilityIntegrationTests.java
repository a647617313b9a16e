package com.clinicrecords.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvailabilityIntegrationTests extends IntegrationTest {

    @Test
    void shouldListFreeSlotsMinusBookedOnes() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount doctor = fx.doctor();
        PatientAccount patient = fx.patient();
        fx.link(doctor, patient);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        ApiResponse saved =
                AppointmentFixtures.workingHours(api, doctor.token(), doctor.doctorId(), day.getDayOfWeek());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        Instant nine = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
        assertThat(AppointmentFixtures.book(
                                api,
                                patient.token(),
                                doctor.doctorId(),
                                patient.patientId(),
                                nine.plus(Duration.ofMinutes(30)))
                        .status())
                .isEqualTo(201);

        Instant from = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        ApiResponse free = api.get("/api/doctors/" + doctor.doctorId() + "/availability?from=" + from + "&to="
                        + from.plus(Duration.ofDays(1)))
                .token(patient.token())
                .send();
        assertThat(free.status()).as(free.toString()).isEqualTo(200);
        assertThat(free.json().size()).isEqualTo(3);
        assertThat(free.raw())
                .contains("\"startsAt\":\"" + nine + "\"")
                .doesNotContain("\"startsAt\":\"" + nine.plus(Duration.ofMinutes(30)) + "\"")
                .doesNotContain(patient.patientId().toString());
        assertThat(api.get("/api/doctors/" + doctor.doctorId() + "/availability?from=" + from + "&to="
                                + from.plus(Duration.ofDays(32)))
                        .token(patient.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void shouldLetOnlyTheDoctorOrAdminEditWorkingHours() {
        ClinicFixtures fx = new ClinicFixtures(api, users);
        DoctorAccount doctor = fx.doctor();
        DoctorAccount other = fx.doctor();
        PatientAccount patient = fx.patient();
        String path = "/api/doctors/" + doctor.doctorId() + "/working-hours";
        Map<String, Object> body = Map.of(
                "entries",
                List.of(Map.of("weekday", "MONDAY", "startTime", "08:00", "endTime", "12:00", "slotMinutes", 20)));
        assertThat(api.put(path).json(body).send().status()).isEqualTo(401);
        assertThat(api.put(path).token(patient.token()).json(body).send().status())
                .isEqualTo(403);
        assertThat(api.put(path).token(other.token()).json(body).send().status())
                .isEqualTo(403);
        assertThat(api.put(path)
                        .token(fx.admin().accessToken())
                        .json(body)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.get(path)
                        .token(patient.token())
                        .send()
                        .json()
                        .get(0)
                        .path("startTime")
                        .asString())
                .isEqualTo("08:00:00");
        assertInvalid(
                api.put(path)
                        .token(doctor.token())
                        .json(Map.of(
                                "entries",
                                List.of(Map.of(
                                        "weekday",
                                        "MONDAY",
                                        "startTime",
                                        "12:00",
                                        "endTime",
                                        "08:00",
                                        "slotMinutes",
                                        20))))
                        .send(),
                "entries[0].endTime");
        assertInvalid(
                api.put(path)
                        .token(doctor.token())
                        .json(Map.of(
                                "entries",
                                List.of(Map.of(
                                        "weekday",
                                        "FUNDAY",
                                        "startTime",
                                        "08:00",
                                        "endTime",
                                        "12:00",
                                        "slotMinutes",
                                        20))))
                        .send(),
                "weekday");
        assertInvalid(
                api.put(path)
                        .token(doctor.token())
                        .json(Map.of(
                                "entries",
                                List.of(Map.of(
                                        "weekday",
                                        "MONDAY",
                                        "startTime",
                                        "08:00",
                                        "endTime",
                                        "12:00",
                                        "slotMinutes",
                                        1))))
                        .send(),
                "slotMinutes");
        assertInvalid(
                api.put(path)
                        .token(doctor.token())
                        .json(Map.of(
                                "entries",
                                List.of(Map.of(
                                        "weekday",
                                        "MONDAY",
                                        "startTime",
                                        "8 o'clock",
                                        "endTime",
                                        "12:00",
                                        "slotMinutes",
                                        30))))
                        .send(),
                "startTime");
        assertInvalid(
                api.put(path)
                        .token(doctor.token())
                        .json(Map.of(
                                "entries",
                                List.of(Map.of("weekday", "MONDAY", "startTime", "08:00", "slotMinutes", 30))))
                        .send(),
                "endTime");
        assertInvalid(api.put(path).token(doctor.token()).json(Map.of()).send(), "entries");
        assertInvalid(
                api.put(path)
                        .token(doctor.token())
                        .json(Map.of(
                                "entries",
                                List.of(
                                        Map.of(
                                                "weekday",
                                                "MONDAY",
                                                "startTime",
                                                "08:00",
                                                "endTime",
                                                "12:00",
                                                "slotMinutes",
                                                20),
                                        Map.of(
                                                "weekday",
                                                "MONDAY",
                                                "startTime",
                                                "11:00",
                                                "endTime",
                                                "13:00",
                                                "slotMinutes",
                                                20))))
                        .send(),
                "entries");
        assertThat(api.get("/api/doctors/00000000-0000-0000-0000-0000000000ff/working-hours")
                        .token(patient.token())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    private static void assertInvalid(ApiResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").toString())
                .as(response.toString())
                .contains(field);
    }
}
