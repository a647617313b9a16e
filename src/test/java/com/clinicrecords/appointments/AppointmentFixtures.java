package com.clinicrecords.appointments;

import com.clinicrecords.support.ApiClient;
import com.clinicrecords.support.ApiResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request builders for appointment tests. */
public final class AppointmentFixtures {

    private AppointmentFixtures() {}

    /** A whole hour a few days ahead, far enough from "now" for every time rule. */
    static Instant slot(int daysAhead, int hour) {
        return Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(daysAhead))
                .plus(Duration.ofHours(hour));
    }

    static Map<String, Object> booking(UUID doctorId, UUID patientId, Instant start, Duration length) {
        Map<String, Object> body = new HashMap<>();
        body.put("doctorId", doctorId.toString());
        body.put("patientId", patientId.toString());
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(length).toString());
        body.put("reason", "Check-up");
        return body;
    }

    static ApiResponse book(ApiClient api, String token, UUID doctorId, UUID patientId, Instant start) {
        return api.post("/api/appointments")
                .token(token)
                .json(booking(doctorId, patientId, start, Duration.ofMinutes(30)))
                .send();
    }

    /** The doctor's working hours: {@code day} 09:00 to 11:00 in 30-minute slots (the PUT's response). */
    public static ApiResponse workingHours(ApiClient api, String token, UUID doctorId, DayOfWeek day) {
        return api.put("/api/doctors/" + doctorId + "/working-hours")
                .token(token)
                .json(Map.of(
                        "entries",
                        List.of(Map.of(
                                "weekday", day.name(), "startTime", "09:00", "endTime", "11:00", "slotMinutes", 30))))
                .send();
    }
}
