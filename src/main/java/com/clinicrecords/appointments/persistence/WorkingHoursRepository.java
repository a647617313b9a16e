package com.clinicrecords.appointments.persistence;

import com.clinicrecords.appointments.domain.WorkingHours;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface WorkingHoursRepository extends JpaRepository<WorkingHours, UUID> {

    List<WorkingHours> findByDoctorIdOrderByWeekdayAscStartTimeAsc(UUID doctorId);

    @Modifying
    @Query("delete from WorkingHours h where h.doctorId = :doctorId")
    void deleteByDoctor(@Param("doctorId") UUID doctorId);
}
