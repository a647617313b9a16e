package com.clinicrecords.bench;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds a clinic of benchmark size with a handful of set-based INSERT ... SELECT statements (seconds, not
 * minutes): 100 doctors, 10,000 patients each linked to one doctor, 100,000 past appointments (10 per
 * patient, never overlapping) and one audit row per appointment, plus an admin. With {@code bench.scale=2m}:
 * 500 doctors, 99,000 patients (about 100,000 accounts), 1,980,000 appointments (20 per patient) and as many
 * audit rows (a few minutes). Every account has {@link #PASSWORD}. Runs once: a second start finds the admin
 * and skips. Portable SQL (MySQL and MariaDB).
 */
class BenchSeeder implements ApplicationRunner {

    static final String PASSWORD = "bench password correct horse 42";
    static final String ADMIN_EMAIL = "bench-admin@bench.test";
    static final int DOCTORS = 100;
    static final int PATIENTS = 10_000;
    static final int APPOINTMENTS_PER_PATIENT = 10;
    /** The large clinic of {@code bench.scale=2m}. */
    static final int SCALE_DOCTORS = 500;

    static final int SCALE_PATIENTS = 99_000;
    static final int IMAGES_PER_PATIENT = 5;
    static final int SCALE_APPOINTMENTS_PER_PATIENT = 20;
    private static final Logger log = LoggerFactory.getLogger(BenchSeeder.class);
    private static final String DIGIT = "(select 0 n union all select 1 union all select 2 union all select 3 "
            + "union all select 4 union all select 5 union all select 6 union all select 7 union all select 8 "
            + "union all select 9)";
    /** n = 0..99999 without recursive CTEs (whose limits differ between MySQL and MariaDB). */
    private static final String SEQ = "(select d1.n + 10 * d2.n + 100 * d3.n + 1000 * d4.n + 10000 * d5.n as n from "
            + DIGIT + " d1 cross join " + DIGIT + " d2 cross join " + DIGIT + " d3 cross join " + DIGIT
            + " d4 cross join "
            + DIGIT + " d5)";

    private static final String USER_COLUMNS = "(id, email, first_name, last_name, password_hash, status, "
            + "email_verified, password_change_required, created_at, updated_at, version, email_canonical)";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final TransactionTemplate transaction;
    private final int doctors;
    private final int patients;
    private final int appointmentsPerPatient;

    BenchSeeder(JdbcTemplate jdbc, PasswordEncoder encoder, PlatformTransactionManager transactions, boolean large) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.transaction = new TransactionTemplate(transactions);
        this.doctors = large ? SCALE_DOCTORS : DOCTORS;
        this.patients = large ? SCALE_PATIENTS : PATIENTS;
        this.appointmentsPerPatient = large ? SCALE_APPOINTMENTS_PER_PATIENT : APPOINTMENTS_PER_PATIENT;
    }

    /** All or nothing, so an interrupted seeding never leaves a half-filled clinic that looks complete. */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> seed());
        transaction.executeWithoutResult(status -> seedImages());
    }

    /**
     * Image rows (no files: only the search reads them), {@value #IMAGES_PER_PATIENT} per patient over the last
     * years; seeded on their own, so a database seeded before images were part of the benchmark gains them.
     */
    private void seedImages() {
        if (!jdbc.queryForList("select 1 from images where storage_key like 'bench/%' limit 1")
                .isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        int rows = jdbc.update(
                "insert into images (id, patient_id, storage_key, original_filename, content_type, size_bytes, "
                        + "sha256, live_sha256, uploaded_by, uploaded_at, modality, status, status_changed_at, "
                        + "updated_at, version) select uuid(), p.id, concat('bench/', p.id, '/', k.n), 'scan.dcm', "
                        + "'application/dicom', 1048576, sha2(concat(p.id, k.n), 256), sha2(concat(p.id, k.n), 256), "
                        + "p.user_id, date_sub(?, interval (k.n * 200 + crc32(p.id) % 200) day), "
                        + "elt(1 + crc32(p.id) % 4, 'CT', 'MR', 'XR', 'US'), 'PROCESSED', ?, ?, 0 "
                        + "from patients p join users pu on pu.id = p.user_id cross join " + SEQ + " k "
                        + "where pu.email like 'bench-patient-%' and k.n < ?",
                now,
                now,
                now,
                IMAGES_PER_PATIENT);
        // the rows the application keeps for each linked doctor's image search (uploads and links write them)
        jdbc.update("insert into linked_patient_images (patient_id, image_id, doctor_id, uploaded_at) "
                + "select i.patient_id, i.id, l.doctor_id, i.uploaded_at from images i straight_join "
                + "doctor_patient_links l on l.patient_id = i.patient_id straight_join patients p on p.id = i.patient_id "
                + "where l.removed_at is null and i.deleted_at is null and p.deleted_at is null "
                + "and i.storage_key like 'bench/%'");
        log.info("Seeded {} images in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
    }

    private void seed() {
        if (jdbc.queryForObject("select count(*) from users where email = ?", Integer.class, ADMIN_EMAIL) > 0) {
            log.info("Benchmark data already present");
            return;
        }
        long started = System.nanoTime();
        LocalDateTime now = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
        String hash = encoder.encode(PASSWORD);
        jdbc.update(
                "insert into users " + USER_COLUMNS + " values (uuid(), ?, 'Bench', 'Admin', ?, 'ACTIVE', true, "
                        + "false, ?, ?, 0, lower(?))",
                ADMIN_EMAIL,
                hash,
                now,
                now,
                ADMIN_EMAIL);
        jdbc.update(
                "insert into users " + USER_COLUMNS + " select uuid(), concat('bench-doctor-', lpad(n, 3, '0'), "
                        + "'@bench.test'), 'Doc', lpad(n, 3, '0'), ?, 'ACTIVE', true, false, ?, ?, 0, "
                        + "concat('bench-doctor-', lpad(n, 3, '0'), '@bench.test') from " + SEQ
                        + " seq where n < ?",
                hash,
                now,
                now,
                doctors);
        jdbc.update(
                "insert into users " + USER_COLUMNS + " select uuid(), concat('bench-patient-', lpad(n, 5, '0'), "
                        + "'@bench.test'), 'Pat', lpad(n, 5, '0'), ?, 'ACTIVE', true, false, ?, ?, 0, "
                        + "concat('bench-patient-', lpad(n, 5, '0'), '@bench.test') from " + SEQ
                        + " seq where n < ?",
                hash,
                now,
                now,
                patients);
        grant("bench-admin@%", "00000000-0000-0000-0000-000000000001");
        grant("bench-doctor-%", "00000000-0000-0000-0000-000000000002");
        grant("bench-patient-%", "00000000-0000-0000-0000-000000000003");
        jdbc.update(
                "insert into doctors (id, user_id, created_at, updated_at, version) select uuid(), id, ?, ?, 0 "
                        + "from users where email like 'bench-doctor-%'",
                now, now);
        jdbc.update(
                "insert into patients (id, user_id, first_name, last_name, date_of_birth, created_at, updated_at, "
                        + "version) select uuid(), id, first_name, last_name, '1980-01-01', ?, ?, 0 from users "
                        + "where email like 'bench-patient-%'",
                now, now);
        jdbc.update(
                "insert into doctor_patient_links (doctor_id, patient_id, linked_at) select d.id, p.id, ? "
                        + "from patients p join users pu on pu.id = p.user_id join users du "
                        + "on cast(du.last_name as unsigned) = cast(pu.last_name as unsigned) % " + doctors
                        + " and du.email like 'bench-doctor-%' join doctors d on d.user_id = du.id "
                        + "where pu.email like 'bench-patient-%'",
                now);
        // Patient k of doctor d gets slots k*10 .. k*10+9 of that doctor's half-hour grid: no overlaps anywhere.
        LocalDateTime base = LocalDateTime.ofInstant(
                Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS), ZoneOffset.UTC);
        jdbc.update(
                "insert into appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason, "
                        + "created_at, created_by, updated_at, version) select uuid(), l.doctor_id, l.patient_id, "
                        + "date_add(?, interval ((floor(cast(pu.last_name as unsigned) / " + doctors
                        + ") * " + appointmentsPerPatient + " + k.n) * 30) minute), "
                        + "date_add(?, interval ((floor(cast(pu.last_name as unsigned) / " + doctors
                        + ") * " + appointmentsPerPatient + " + k.n) * 30 + 25) minute), "
                        + "'COMPLETED', 'check-up', ?, pu.id, ?, 0 from doctor_patient_links l "
                        + "join patients p on p.id = l.patient_id join users pu on pu.id = p.user_id cross join "
                        + "(select k1.n + 10 * k2.n as n from " + DIGIT + " k1 cross join " + DIGIT + " k2) k "
                        + "where pu.email like 'bench-patient-%' and k.n < ?",
                base,
                base,
                now,
                now,
                appointmentsPerPatient);
        // the rows the application keeps for each linked doctor's list in start order (bookings and links write
        // them as they happen; the seed writes appointments and links directly)
        jdbc.update("insert into linked_patient_appointments (patient_id, appointment_id, doctor_id, starts_at) "
                + "select a.patient_id, a.id, l.doctor_id, a.starts_at from appointments a "
                + "straight_join doctor_patient_links l on l.patient_id = a.patient_id where l.removed_at is null");
        seedAuditRows();
        log.info(
                "Seeded {} doctors, {} patients, {} appointments in {} ms",
                doctors,
                patients,
                patients * appointmentsPerPatient,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * One audit row per seeded appointment, in multi-row VALUES batches: MariaDB 11.4 rejects a multi-row
     * INSERT ... SELECT into a table that has a BEFORE UPDATE trigger ("Column 'occurred_at' cannot be null"),
     * and audit_events has one (append-only protection).
     */
    private void seedAuditRows() {
        // streamed in id order, 5,000 appointments at a time: 2M rows never sit in memory at once
        String after = "";
        while (true) {
            List<Object[]> rows = jdbc.query(
                    "select a.created_at, a.created_by, a.patient_id, a.id from appointments a "
                            + "join users u on u.id = a.created_by where u.email like 'bench-patient-%' "
                            + "and a.id > ? order by a.id limit 5000",
                    (rs, i) -> new Object[] {
                        rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getString(3), rs.getString(4)
                    },
                    after);
            if (rows.isEmpty()) {
                return;
            }
            insertAuditRows(rows);
            after = (String) rows.get(rows.size() - 1)[3];
        }
    }

    private void insertAuditRows(List<Object[]> rows) {
        int batch = 1000;
        for (int from = 0; from < rows.size(); from += batch) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + batch));
            String values = String.join(
                    ",",
                    Collections.nCopies(chunk.size(), "(?, ?, 'PATIENT', ?, 'appointment', ?, 'CREATE', 'ALLOW')"));
            jdbc.update(
                    "insert into audit_events (occurred_at, actor_user_id, actor_roles, patient_id, resource_type, "
                            + "resource_id, action, outcome) values " + values,
                    chunk.stream().flatMap(Arrays::stream).toArray());
        }
    }

    private void grant(String emailPattern, String roleId) {
        jdbc.update(
                "insert into user_roles (user_id, role_id) select id, ? from users where email like ?",
                roleId,
                emailPattern);
    }
}
