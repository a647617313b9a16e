package com.clinicrecords.patients.persistence;

import com.clinicrecords.patients.domain.DoctorPatientLink;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DoctorPatientLinkRepository extends JpaRepository<DoctorPatientLink, DoctorPatientLink.Key> {

    /** True while the doctor profile {@code doctorId} has an active link to the patient. */
    @Query("select count(l) > 0 from DoctorPatientLink l where l.id.doctorId = :doctorId "
            + "and l.id.patientId = :patientId and l.removedAt is null")
    boolean isActive(@Param("doctorId") UUID doctorId, @Param("patientId") UUID patientId);
}
