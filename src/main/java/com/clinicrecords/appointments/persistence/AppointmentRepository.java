package com.clinicrecords.appointments.persistence;

import com.clinicrecords.appointments.domain.Appointment;
import com.clinicrecords.appointments.domain.AppointmentStatus;
import com.clinicrecords.patients.persistence.PatientVisibility;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppointmentRepository extends JpaRepository<Appointment, UUID>, JpaSpecificationExecutor<Appointment> {

    /**
     * The appointment with what the access rule needs, in one statement: {@code [Appointment, patient's
     * account, patient live, caller linked to the patient, caller is the appointment's doctor]}.
     */
    @Query("select a, " + PatientVisibility.FACTS + ", (case when exists (select 1 from Doctor od where "
            + "od.id = a.doctorId and od.userId = :userId) then true else false end) "
            + "from Appointment a join Patient p on p.id = a.patientId where a.id = :id")
    List<Object[]> findWithFacts(@Param("id") UUID id, @Param("userId") UUID userId);

    /**
     * Whether the doctor has a slot-holding appointment overlapping [start, end), other than {@code exclude}.
     * {@code startsAfter} (start minus the longest allowed appointment) bounds the index range from below, so
     * the check reads a few rows of (doctor_id, starts_at) instead of the doctor's whole history.
     */
    @Query(
            "select count(a) > 0 from Appointment a where a.doctorId = :doctorId and a.status <> com.clinicrecords.appointments.domain.AppointmentStatus.CANCELLED "
                    + "and a.startsAt > :startsAfter and a.startsAt < :end and a.endsAt > :start and a.id <> :exclude")
    boolean doctorBusy(
            @Param("doctorId") UUID doctorId,
            @Param("startsAfter") Instant startsAfter,
            @Param("start") Instant start,
            @Param("end") Instant end,
            @Param("exclude") UUID exclude);

    /** Same for the patient. */
    @Query(
            "select count(a) > 0 from Appointment a where a.patientId = :patientId and a.status <> com.clinicrecords.appointments.domain.AppointmentStatus.CANCELLED "
                    + "and a.startsAt > :startsAfter and a.startsAt < :end and a.endsAt > :start and a.id <> :exclude")
    boolean patientBusy(
            @Param("patientId") UUID patientId,
            @Param("startsAfter") Instant startsAfter,
            @Param("start") Instant start,
            @Param("end") Instant end,
            @Param("exclude") UUID exclude);

    @Query("select count(a) from Appointment a where a.patientId = :patientId and a.status in :open "
            + "and a.startsAt > :now")
    long countOpenFuture(
            @Param("patientId") UUID patientId,
            @Param("open") Collection<AppointmentStatus> open,
            @Param("now") Instant now);

    List<Appointment> findByDoctorIdAndStatusInAndStartsAtAfter(
            UUID doctorId, Collection<AppointmentStatus> statuses, Instant after);

    List<Appointment> findByPatientIdAndStatusInAndStartsAtAfter(
            UUID patientId, Collection<AppointmentStatus> statuses, Instant after);

    /** A doctor's slot-holding appointments overlapping [from, to), in time order ({@code startsAfter}: see above). */
    @Query(
            "select a from Appointment a where a.doctorId = :doctorId and a.status <> com.clinicrecords.appointments.domain.AppointmentStatus.CANCELLED "
                    + "and a.startsAt > :startsAfter and a.startsAt < :to and a.endsAt > :from order by a.startsAt")
    List<Appointment> findDoctorSchedule(
            @Param("doctorId") UUID doctorId,
            @Param("startsAfter") Instant startsAfter,
            @Param("from") Instant from,
            @Param("to") Instant to);

    /**
     * Claims open appointments starting in (now, until] that have had no reminder yet. SKIP LOCKED lets several
     * application instances run the reminder job side by side without reminding anyone twice.
     */
    @Query(
            value = "select * from appointments where status in ('BOOKED', 'CONFIRMED') and reminder_sent_at is null "
                    + "and starts_at > :now and starts_at <= :until order by starts_at limit 50 for update skip locked",
            nativeQuery = true)
    List<Appointment> lockDueForReminder(@Param("now") Instant now, @Param("until") Instant until);

    /** All of a doctor's appointments (cancelled too) starting in [from, to), for their calendar. */
    List<Appointment> findByDoctorIdAndStartsAtGreaterThanEqualAndStartsAtLessThanOrderByStartsAt(
            UUID doctorId, Instant from, Instant to);
}
