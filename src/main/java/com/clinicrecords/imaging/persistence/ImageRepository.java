package com.clinicrecords.imaging.persistence;

import com.clinicrecords.imaging.domain.ImageStatus;
import com.clinicrecords.imaging.domain.MedicalImage;
import com.clinicrecords.patients.persistence.PatientVisibility;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ImageRepository extends JpaRepository<MedicalImage, UUID> {

    /** A live image with the caller's access facts in one statement: {@code [MedicalImage, PatientVisibility.FACTS]}. */
    @Query("select i, " + PatientVisibility.FACTS + " from MedicalImage i join Patient p on p.id = i.patientId "
            + "where i.id = :id and i.deletedAt is null")
    List<Object[]> findLiveWithFacts(@Param("id") UUID id, @Param("userId") UUID userId);

    @Query("select i from MedicalImage i where i.id = :id and i.deletedAt is null")
    Optional<MedicalImage> findLive(@Param("id") UUID id);

    @Query("select i from MedicalImage i where i.patientId = :patientId and i.sha256 = :sha256 and i.deletedAt is null")
    Optional<MedicalImage> findLiveBySha(@Param("patientId") UUID patientId, @Param("sha256") String sha256);

    @Query("select i from MedicalImage i where i.patientId = :patientId and i.deletedAt is null "
            + "and (:status is null or i.status = :status)")
    Page<MedicalImage> findLiveByPatient(
            @Param("patientId") UUID patientId, @Param("status") ImageStatus status, Pageable pageable);
}
