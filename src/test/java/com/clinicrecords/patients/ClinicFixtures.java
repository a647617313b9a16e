package com.clinicrecords.patients;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.TestUsers;
import com.clinicrecords.support.TestUsers.Account;
import java.util.Map;
import java.util.UUID;

/** Builds doctors, patients and links through the real API, for tests of the clinical modules. */
public final class ClinicFixtures {

    private final ApiClient api;
    private final TestUsers users;
    private Account admin;

    public ClinicFixtures(ApiClient api, TestUsers users) {
        this.api = api;
        this.users = users;
    }

    public Account admin() {
        if (admin == null) {
            admin = users.admin();
        }
        return admin;
    }

    public DoctorAccount doctor() {
        Account account = users.doctor();
        ApiResponse created = api.post("/api/admin/doctors")
                .token(admin().accessToken())
                .json(Map.of("userId", account.id().toString()))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new DoctorAccount(account, UUID.fromString(created.text("id")));
    }

    /** A self-registered style patient whose record is created by the first GET /api/patients/me. */
    public PatientAccount patient() {
        Account account = users.patient();
        ApiResponse me =
                api.get("/api/patients/me").token(account.accessToken()).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return new PatientAccount(account, UUID.fromString(me.text("id")));
    }

    /** A new doctor already linked to the patient. */
    public DoctorAccount linkedDoctor(PatientAccount patient) {
        DoctorAccount doctor = doctor();
        link(doctor, patient);
        return doctor;
    }

    public void link(DoctorAccount doctor, PatientAccount patient) {
        ApiResponse linked = api.post("/api/admin/links")
                .token(admin().accessToken())
                .json(Map.of(
                        "doctorId",
                        doctor.doctorId().toString(),
                        "patientId",
                        patient.patientId().toString()))
                .send();
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
    }

    public void unlink(DoctorAccount doctor, PatientAccount patient) {
        ApiResponse removed = api.delete("/api/admin/links/" + doctor.doctorId() + "/" + patient.patientId())
                .token(admin().accessToken())
                .send();
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
    }

    public record DoctorAccount(Account account, UUID doctorId) {
        public String token() {
            return account.accessToken();
        }
    }

    public record PatientAccount(Account account, UUID patientId) {
        public String token() {
            return account.accessToken();
        }
    }
}
