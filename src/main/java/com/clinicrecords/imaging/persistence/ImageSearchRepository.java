package com.clinicrecords.imaging.persistence;

import com.clinicrecords.imaging.domain.ImageStatus;
import com.clinicrecords.imaging.domain.MedicalImage;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** Image search across patients: all live patients' images (admins) or those of a doctor's linked patients. */
public interface ImageSearchRepository extends Repository<MedicalImage, UUID> {

    @Query("select i from MedicalImage i where i.deletedAt is null "
            + "and (:patientId is null or i.patientId = :patientId) "
            + "and (:status is null or i.status = :status) "
            + "and (:modality is null or i.modality = :modality) "
            + "and (:bodyPart is null or i.bodyPart = :bodyPart) "
            + "and (:from is null or i.uploadedAt >= :from) "
            + "and (:to is null or i.uploadedAt < :to) "
            + "and exists (select p.id from Patient p where p.id = i.patientId and p.deletedAt is null) "
            + "and (:everyone = true or i.patientId in (select l.id.patientId from DoctorPatientLink l, Doctor d "
            + "where d.id = l.id.doctorId and d.userId = :doctorUserId and l.removedAt is null))")
    Page<MedicalImage> search(
            @Param("everyone") boolean everyone,
            @Param("doctorUserId") UUID doctorUserId,
            @Param("patientId") UUID patientId,
            @Param("status") ImageStatus status,
            @Param("modality") String modality,
            @Param("bodyPart") String bodyPart,
            @Param("from") Instant from,
            @Param("to") Instant to,
            Pageable pageable);
}
