package com.clinicrecords.imaging;

import com.clinicrecords.patients.domain.Doctor;
import com.clinicrecords.patients.domain.DoctorPatientLink;
import com.clinicrecords.patients.domain.Patient;
import com.clinicrecords.patients.persistence.DoctorPatientLinkRepository;
import com.clinicrecords.patients.persistence.DoctorRepository;
import com.clinicrecords.patients.persistence.PatientRepository;
import com.clinicrecords.shared.security.Roles;
import com.clinicrecords.support.TestUsers;
import com.clinicrecords.support.TestUsers.Account;
import java.time.Instant;
import java.util.UUID;

/**
 * Patients, doctors and links created straight through the repositories (the admin link endpoints belong to
 * another module), so imaging and analysis tests can build exactly the relationships they need.
 */
public final class ClinicFixture {

    private final TestUsers users;
    private final PatientRepository patients;
    private final DoctorRepository doctors;
    private final DoctorPatientLinkRepository links;

    public ClinicFixture(TestUsers users, PatientRepository patients, DoctorRepository doctors,
            DoctorPatientLinkRepository links) {
        this.users = users;
        this.patients = patients;
        this.doctors = doctors;
        this.links = links;
    }

    public record PatientUser(Account account, UUID patientId) {
        public String token() {
            return account.accessToken();
        }
    }

    public record DoctorUser(Account account, UUID doctorId) {
        public String token() {
            return account.accessToken();
        }
    }

    public PatientUser patient() {
        Account account = users.patient();
        Patient patient = patients.save(new Patient(account.id(), "Pat", "Ient", Instant.now()));
        return new PatientUser(account, patient.getId());
    }

    public DoctorUser doctor() {
        Account account = users.withRoles(Roles.DOCTOR);
        Doctor doctor = doctors.save(new Doctor(account.id(), null, Instant.now()));
        return new DoctorUser(account, doctor.getId());
    }

    public DoctorUser linkedDoctor(PatientUser patient) {
        DoctorUser doctor = doctor();
        link(doctor, patient);
        return doctor;
    }

    public void link(DoctorUser doctor, PatientUser patient) {
        links.save(new DoctorPatientLink(doctor.doctorId(), patient.patientId(), null, Instant.now()));
    }

    public void unlink(DoctorUser doctor, PatientUser patient) {
        DoctorPatientLink link = links.findById(new DoctorPatientLink.Key(doctor.doctorId(), patient.patientId()))
                .orElseThrow();
        link.remove(null, Instant.now());
        links.save(link);
    }
}
