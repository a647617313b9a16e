package com.clinicrecords.appointments.domain;

import com.clinicrecords.appointments.persistence.AppointmentRepository;
import com.clinicrecords.patients.persistence.DoctorPatientLocks;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.RuleViolationException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The time rules of booking and rescheduling, and the locked overlap check that prevents double booking. */
@Component
class BookingGuard {

    private static final UUID NONE = new UUID(0, 0);

    private final AppointmentRepository appointments;
    private final DoctorPatientLocks locks;
    private final AppointmentProperties props;

    BookingGuard(AppointmentRepository appointments, DoctorPatientLocks locks, AppointmentProperties props) {
        this.appointments = appointments;
        this.locks = locks;
        this.props = props;
    }

    /** 400 naming the field: start in the past, end not after start, longer than the maximum. */
    void checkTimes(Instant startsAt, Instant endsAt, Instant now) {
        if (!startsAt.isAfter(now)) {
            throw new InvalidFieldException("startsAt", "must be in the future");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidFieldException("endsAt", "must be after startsAt");
        }
        if (endsAt.isAfter(startsAt.plus(props.maxDuration()))) {
            throw new InvalidFieldException("endsAt", "appointment must not be longer than " + props.maxDuration());
        }
    }

    /**
     * Must run inside the booking transaction: takes the doctor and patient row locks, then checks that
     * neither has another slot-holding appointment overlapping [start, end) ({@code exclude}: the one being
     * moved). The locks are held until commit, so the following insert/update cannot race.
     */
    void lockAndCheck(UUID doctorId, UUID patientId, Instant start, Instant end, UUID exclude) {
        locks.lockDoctorThenPatient(doctorId, patientId);
        UUID self = exclude == null ? NONE : exclude;
        // No appointment is longer than max-duration (checkTimes), so none that starts earlier can overlap.
        Instant startsAfter = start.minus(props.maxDuration());
        if (appointments.doctorBusy(doctorId, startsAfter, start, end, self)) {
            throw conflict("doctor", "The doctor already has an appointment at this time");
        }
        if (appointments.patientBusy(patientId, startsAfter, start, end, self)) {
            throw conflict("patient", "The patient already has an appointment at this time");
        }
    }

    /** 422 when the patient already has the maximum number of open future appointments. */
    void checkPatientCap(UUID patientId, Instant now) {
        if (appointments.countOpenFuture(patientId, AppointmentStatus.OPEN, now) >= props.maxOpenPerPatient()) {
            throw new RuleViolationException(
                    "too-many-open-appointments",
                    "A patient may have at most " + props.maxOpenPerPatient() + " open future appointments");
        }
    }

    private static ConflictException conflict(String with, String detail) {
        return new ConflictException("appointment-conflict", detail, Map.of("conflictingWith", with));
    }
}
