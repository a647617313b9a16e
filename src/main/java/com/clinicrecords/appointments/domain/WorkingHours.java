package com.clinicrecords.appointments.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.UUID;

/** One weekly working period of a doctor (clinic-local time), cut into slots of {@code slotMinutes}. */
@Entity
@Table(name = "doctor_working_hours")
public class WorkingHours extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private UUID doctorId;
    private int weekday;
    private LocalTime startTime;
    private LocalTime endTime;
    private int slotMinutes;

    protected WorkingHours() {}

    public WorkingHours(UUID doctorId, DayOfWeek weekday, LocalTime startTime, LocalTime endTime, int slotMinutes) {
        this.id = UUID.randomUUID();
        this.doctorId = doctorId;
        this.weekday = weekday.getValue();
        this.startTime = startTime;
        this.endTime = endTime;
        this.slotMinutes = slotMinutes;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getDoctorId() {
        return doctorId;
    }

    public DayOfWeek getWeekday() {
        return DayOfWeek.of(weekday);
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public LocalTime getEndTime() {
        return endTime;
    }

    public int getSlotMinutes() {
        return slotMinutes;
    }
}
