package com.clinicrecords.appointments.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.appointments.domain.Appointment;
import com.clinicrecords.support.RepositorySliceTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The appointment queries whose correctness is about SQL, tested without booting the web layer: the overlap check
 * behind "never double-booked" and the reminder claim's {@code FOR UPDATE SKIP LOCKED}. Rows are committed (the
 * claim needs two transactions) on a day far in the future that no other test or scheduled job looks at, and
 * removed afterwards.
 */
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AppointmentQueriesSliceTests extends RepositorySliceTest {

    private static final Duration LONGEST = Duration.ofHours(8);

    @Autowired
    AppointmentRepository appointments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final List<String> userIds = new ArrayList<>();
    private String doctorId;
    private String patientId;
    private Instant day;

    @BeforeEach
    void doctorAndPatient() {
        day = LocalDateTime.of(2090, 1, 1, 0, 0)
                .toInstant(ZoneOffset.UTC)
                .plus(ThreadLocalRandom.current().nextInt(3000), ChronoUnit.DAYS);
        doctorId = UUID.randomUUID().toString();
        patientId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into doctors (id, user_id, created_at, updated_at) values (?, ?, ?, ?)",
                doctorId,
                user(),
                now,
                now);
        jdbc.update(
                "insert into patients (id, user_id, first_name, last_name, created_at, updated_at) "
                        + "values (?, ?, 'Slice', 'Patient', ?, ?)",
                patientId,
                user(),
                now,
                now);
    }

    @AfterEach
    void removeRows() {
        jdbc.update("delete from appointments where doctor_id = ?", doctorId);
        jdbc.update("delete from patients where id = ?", patientId);
        jdbc.update("delete from doctors where id = ?", doctorId);
        userIds.forEach(id -> jdbc.update("delete from users where id = ?", id));
    }

    @Test
    void overlapIsHalfOpenAndIgnoresCancelledAndTheAppointmentItself() {
        Instant ten = day.plus(Duration.ofHours(10));
        String booked = appointment(ten, ten.plus(Duration.ofMinutes(30)), "BOOKED");
        appointment(ten.plus(Duration.ofHours(2)), ten.plus(Duration.ofHours(3)), "CANCELLED");
        UUID doctor = UUID.fromString(doctorId);
        UUID nobody = UUID.randomUUID();

        assertThat(busy(doctor, ten.plus(Duration.ofMinutes(15)), ten.plus(Duration.ofMinutes(45)), nobody))
                .as("overlaps the second half")
                .isTrue();
        assertThat(busy(doctor, ten.minus(Duration.ofMinutes(30)), ten.plus(Duration.ofMinutes(1)), nobody))
                .as("overlaps the first minute")
                .isTrue();
        assertThat(busy(doctor, ten.plus(Duration.ofMinutes(30)), ten.plus(Duration.ofMinutes(60)), nobody))
                .as("starts when the other ends")
                .isFalse();
        assertThat(busy(doctor, ten.minus(Duration.ofMinutes(30)), ten, nobody))
                .as("ends when the other starts")
                .isFalse();
        assertThat(busy(doctor, ten.plus(Duration.ofHours(2)), ten.plus(Duration.ofHours(3)), nobody))
                .as("a cancelled appointment holds no slot")
                .isFalse();
        assertThat(busy(doctor, ten, ten.plus(Duration.ofMinutes(30)), UUID.fromString(booked)))
                .as("moving an appointment does not collide with itself")
                .isFalse();
        assertThat(appointments.patientBusy(
                        UUID.fromString(patientId),
                        ten.plus(Duration.ofMinutes(15)).minus(LONGEST),
                        ten.plus(Duration.ofMinutes(15)),
                        ten.plus(Duration.ofMinutes(20)),
                        nobody))
                .as("the patient is busy too")
                .isTrue();
    }

    @Test
    void twoReminderRunsClaimDisjointAppointments() throws Exception {
        Instant nine = day.plus(Duration.ofHours(9));
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            Instant start = nine.plus(Duration.ofMinutes(30L * i));
            all.add(appointment(start, start.plus(Duration.ofMinutes(20)), "BOOKED"));
        }
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstHoldsItsLocks = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        // The first run claims at most 3 (of the 6) and keeps its transaction open until the second run is done.
        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            List<String> claimed = ids(jdbc.queryForList(
                    "select id from appointments where status in ('BOOKED', 'CONFIRMED') and reminder_sent_at is "
                            + "null and starts_at > ? and starts_at <= ? and doctor_id = ? order by starts_at "
                            + "limit 3 for update skip locked",
                    String.class,
                    Timestamp.from(day),
                    Timestamp.from(day.plus(Duration.ofDays(1))),
                    doctorId));
            firstHoldsItsLocks.countDown();
            await(secondDone);
            return claimed;
        }));
        await(firstHoldsItsLocks);
        List<String> second =
                tx.execute(status -> ids(appointments.lockDueForReminder(day, day.plus(Duration.ofDays(1))).stream()
                        .map(Appointment::getId)
                        .map(UUID::toString)
                        .toList()));
        secondDone.countDown();
        List<String> firstClaimed = first.get(60, TimeUnit.SECONDS);

        assertThat(firstClaimed).hasSize(3);
        assertThat(second)
                .as("skips the rows the first run holds")
                .hasSize(3)
                .doesNotContainAnyElementsOf(firstClaimed);
        Set<String> together = new HashSet<>(firstClaimed);
        together.addAll(second);
        assertThat(together).isEqualTo(all);
    }

    private boolean busy(UUID doctor, Instant start, Instant end, UUID exclude) {
        return appointments.doctorBusy(doctor, start.minus(LONGEST), start, end, exclude);
    }

    private String appointment(Instant start, Instant end, String status) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into appointments (id, doctor_id, patient_id, starts_at, ends_at, status, created_at, "
                        + "created_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id,
                doctorId,
                patientId,
                Timestamp.from(start),
                Timestamp.from(end),
                status,
                now,
                userIds.get(0),
                now);
        return id;
    }

    private String user() {
        String id = UUID.randomUUID().toString();
        String email = "slice-" + id + "@example.test";
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update(
                "insert into users (id, email, email_canonical, first_name, last_name, password_hash, status, "
                        + "created_at, updated_at) values (?, ?, ?, 'Slice', 'User', 'x', 'ACTIVE', ?, ?)",
                id,
                email,
                email,
                now,
                now);
        userIds.add(id);
        return id;
    }

    private static List<String> ids(List<String> ids) {
        return List.copyOf(ids);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
