package com.clinicrecords.patients;

import com.clinicrecords.patients.ClinicFixtures.DoctorAccount;
import com.clinicrecords.patients.ClinicFixtures.PatientAccount;
import com.clinicrecords.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * The cast of every access test: patient A with a linked doctor, patient B, and a doctor linked to nobody,
 * created fresh for each test through the real API.
 */
public abstract class CareTeamTest extends IntegrationTest {

    protected ClinicFixtures fx;
    protected PatientAccount patientA;
    protected PatientAccount patientB;
    protected DoctorAccount linked;
    protected DoctorAccount unlinked;

    @BeforeEach
    void createCareTeam() {
        fx = new ClinicFixtures(api, users);
        patientA = fx.patient();
        patientB = fx.patient();
        linked = fx.doctor();
        unlinked = fx.doctor();
        fx.link(linked, patientA);
    }
}
