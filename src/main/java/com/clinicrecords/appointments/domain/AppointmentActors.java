package com.clinicrecords.appointments.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.patients.domain.ClinicDirectory;
import com.clinicrecords.patients.domain.ClinicDirectory.Person;
import com.clinicrecords.patients.domain.PatientAccess;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.RuleViolationException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may book, see and act on appointments. Booking: a patient for themself (with a linked doctor unless
 * {@code allow-any-doctor}), a doctor in their own schedule for a linked patient, an admin for anyone.
 * Seeing: whoever may read the patient (patient, linked doctors, admin) and the appointment's own doctor;
 * everyone else gets 404.
 */
@Component
class AppointmentActors {

    static final AuditResource RESOURCE = AuditResource.APPOINTMENT;

    private final ClinicDirectory directory;
    private final PatientAccess access;
    private final AuditTrail audit;
    private final AppointmentProperties props;

    AppointmentActors(ClinicDirectory directory, PatientAccess access, AuditTrail audit, AppointmentProperties props) {
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.props = props;
    }

    /** A doctor's working hours are changed by that doctor or by a holder of doctors:manage. */
    void requireMayEditSchedule(AuthenticatedUser user, Person doctor) {
        if (!doctor.userId().equals(user.userId()) && !user.can(Permissions.DOCTORS_MANAGE)) {
            throw new ForbiddenException("not-your-schedule", "Only the doctor or an admin may change working hours");
        }
    }

    /** Returns the doctor and patient (with their accounts) once the caller is allowed to book this pair. */
    Parties requireMayBook(AuthenticatedUser user, UUID doctorId, UUID patientId) {
        Person doctor = directory.doctor(doctorId).orElseThrow(() -> NotFoundException.of("Doctor"));
        if (!directory.isDoctorBookable(doctorId)) {
            throw new RuleViolationException("doctor-inactive", "This doctor is not taking appointments");
        }
        if (user.isAdmin()) {
            return new Parties(
                    doctor, directory.livePatient(patientId).orElseThrow(() -> NotFoundException.of("Patient")));
        }
        Person ownPatient = directory.patientOfUser(user.userId()).orElse(null);
        if (ownPatient != null && ownPatient.id().equals(patientId)) {
            if (!props.allowAnyDoctor() && !directory.isLinked(doctorId, patientId)) {
                throw new RuleViolationException("doctor-not-linked", "You can only book doctors you are linked to");
            }
            return new Parties(doctor, ownPatient);
        }
        access.requireRead(user, patientId, RESOURCE);
        if (!doctor.userId().equals(user.userId()) || !access.isLinkedDoctor(user, patientId)) {
            throw new ForbiddenException(
                    "booking-not-allowed", "Doctors book only in their own schedule, for patients linked to them");
        }
        return new Parties(doctor, directory.livePatient(patientId).orElseThrow(() -> NotFoundException.of("Patient")));
    }

    boolean canSee(AuthenticatedUser user, Appointment a) {
        return access.canRead(user, a.getPatientId()) || isOwnDoctor(user, a);
    }

    /** 404 (audited) unless the caller may see the appointment. */
    void requireSee(AuthenticatedUser user, Appointment a) {
        if (!canSee(user, a)) {
            audit.recordDenied(AuditEntry.denied(AuditAction.READ, RESOURCE, a.getId(), a.getPatientId()));
            throw NotFoundException.of("Appointment");
        }
    }

    /** Same, on facts loaded with the appointment (see {@code AppointmentRepository.findWithFacts}). */
    void requireSee(AuthenticatedUser user, Appointment a, PatientAccess.Facts facts, boolean ownDoctor) {
        if (!access.mayRead(user, facts) && !ownDoctor) {
            audit.recordDenied(AuditEntry.denied(AuditAction.READ, RESOURCE, a.getId(), a.getPatientId()));
            throw NotFoundException.of("Appointment");
        }
    }

    /** The appointment's patient, its doctor or an admin (who may reschedule); 403 for other viewers. */
    void requireParticipant(AuthenticatedUser user, Appointment a) {
        if (!user.isAdmin() && !isOwnPatient(user, a) && !isOwnDoctor(user, a)) {
            throw new ForbiddenException("not-a-participant", "Only the patient, the doctor or an admin may do this");
        }
    }

    boolean isOwnDoctor(AuthenticatedUser user, Appointment a) {
        return directory
                .doctor(a.getDoctorId())
                .map(d -> d.userId().equals(user.userId()))
                .orElse(false);
    }

    boolean isOwnPatient(AuthenticatedUser user, Appointment a) {
        return directory
                .livePatient(a.getPatientId())
                .map(p -> user.userId().equals(p.userId()))
                .orElse(false);
    }

    Parties parties(Appointment a) {
        return new Parties(
                directory.doctor(a.getDoctorId()).orElseThrow(() -> NotFoundException.of("Doctor")),
                directory.livePatient(a.getPatientId()).orElseThrow(() -> NotFoundException.of("Appointment")));
    }

    record Parties(Person doctor, Person patient) {}
}
