package com.clinicrecords.patients.domain;

import com.clinicrecords.patients.persistence.DoctorPatientLinkRepository;
import com.clinicrecords.patients.persistence.DoctorRepository;
import com.clinicrecords.patients.persistence.PatientRepository;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * What other modules (appointments, imaging...) may ask about doctors, patients and links without touching
 * this module's entities: ids, owning accounts and whether a link is active.
 */
@NamedInterface("api")
@Service
public class ClinicDirectory {

    private final DoctorRepository doctors;
    private final PatientRepository patients;
    private final DoctorPatientLinkRepository links;

    public ClinicDirectory(DoctorRepository doctors, PatientRepository patients, DoctorPatientLinkRepository links) {
        this.doctors = doctors;
        this.patients = patients;
        this.links = links;
    }

    /** A doctor profile and the account that owns it. */
    @NamedInterface("api")
    public record Person(UUID id, UUID userId) {}

    public Optional<Person> doctor(UUID doctorId) {
        return doctors.findById(doctorId).map(d -> new Person(d.getId(), d.getUserId()));
    }

    /** Whether a doctor profile with this id exists (deactivated ones included): one statement, no transaction. */
    public boolean doctorExists(UUID doctorId) {
        return doctors.isProfile(doctorId);
    }

    /** Whether the doctor may be booked: the profile is active and its account is not disabled. */
    public boolean isDoctorBookable(UUID doctorId) {
        return doctors.isBookable(doctorId);
    }

    public Optional<Person> doctorOfUser(UUID userId) {
        return doctors.findByUserId(userId).map(d -> new Person(d.getId(), d.getUserId()));
    }

    /** A patient record that is not soft-deleted; {@code userId} is null for patients without a login. */
    public Optional<Person> livePatient(UUID patientId) {
        return patients.findLive(patientId).map(p -> new Person(p.getId(), p.getUserId()));
    }

    public Optional<Person> patientOfUser(UUID userId) {
        return patients.findLiveByUserId(userId).map(p -> new Person(p.getId(), p.getUserId()));
    }

    public boolean isLinked(UUID doctorId, UUID patientId) {
        return links.isActive(doctorId, patientId);
    }
}
