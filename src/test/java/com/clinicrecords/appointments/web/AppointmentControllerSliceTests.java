package com.clinicrecords.appointments.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.clinicrecords.appointments.domain.AppointmentBookingService;
import com.clinicrecords.appointments.domain.AppointmentQueryService;
import com.clinicrecords.appointments.domain.AppointmentStatus;
import com.clinicrecords.appointments.domain.AppointmentView;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The booking endpoint alone (MockMvc, services mocked, no database): how a request body becomes a command and
 * how the service's answers become HTTP. The rules themselves are tested through the real API.
 */
@WebMvcTest(AppointmentController.class)
class AppointmentControllerSliceTests {

    private static final String BODY = """
            {"doctorId": "%s", "patientId": "%s", "startsAt": "2030-01-07T09:00:00Z",
             "endsAt": "2030-01-07T09:30:00Z", "reason": "Check-up"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AppointmentBookingService booking;

    @MockitoBean
    AppointmentQueryService queries;

    private final AuthenticatedUser admin = new AuthenticatedUser(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "admin@example.test",
            Set.of("ADMIN"),
            Set.of("appointments:book"),
            false);

    @Test
    void aBodyWithoutTimesIsAProblemAndNeverReachesTheService() throws Exception {
        mvc.perform(post("/api/appointments")
                        .with(asAdmin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doctorId\": \"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.status").value(400));
        verifyNoInteractions(booking);
    }

    @Test
    void anOverlapFromTheServiceIsA409Problem() throws Exception {
        given(booking.book(eq(admin), any()))
                .willThrow(new ConflictException("appointment-conflict", "The doctor is already booked then"));
        mvc.perform(post("/api/appointments")
                        .with(asAdmin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.formatted(UUID.randomUUID(), UUID.randomUUID())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("/problems/appointment-conflict"));
    }

    @Test
    void aBookingAnswers201WithLocationAndETag() throws Exception {
        UUID id = UUID.randomUUID();
        Instant start = Instant.parse("2030-01-07T09:00:00Z");
        AppointmentView view = new AppointmentView(
                id,
                UUID.randomUUID(),
                UUID.randomUUID(),
                start,
                start.plusSeconds(1800),
                AppointmentStatus.BOOKED,
                "Check-up",
                start,
                start,
                null,
                0);
        given(booking.book(eq(admin), any())).willReturn(view);
        mvc.perform(post("/api/appointments")
                        .with(asAdmin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.formatted(UUID.randomUUID(), UUID.randomUUID())))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/appointments/" + id))
                .andExpect(header().string("ETag", "\"0\""));
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor asAdmin() {
        return authentication(new UsernamePasswordAuthenticationToken(
                admin,
                null,
                admin.permissions().stream().map(SimpleGrantedAuthority::new).toList()));
    }
}
