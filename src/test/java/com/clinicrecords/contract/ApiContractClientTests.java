package com.clinicrecords.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clinicrecords.client.ApiClient;
import com.clinicrecords.client.ApiException;
import com.clinicrecords.client.api.AppointmentsApi;
import com.clinicrecords.client.api.AuthenticationApi;
import com.clinicrecords.client.api.ImagesApi;
import com.clinicrecords.client.model.AppointmentView;
import com.clinicrecords.client.model.BookRequest;
import com.clinicrecords.client.model.CursorPageViewAppointmentView;
import com.clinicrecords.client.model.ImageResponse;
import com.clinicrecords.client.model.LoginRequest;
import com.clinicrecords.client.model.Problem;
import com.clinicrecords.client.model.TokenResponse;
import com.clinicrecords.imaging.TestFiles;
import com.clinicrecords.patients.ClinicFixtures;
import com.clinicrecords.support.IntegrationTest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract as a client developer meets it: a Java client generated from the committed docs/openapi.json
 * during the build (openapi-generator, java/native) signs in, lists appointments, uploads an image and reads a
 * Problem, with typed models and not a single cast.
 */
class ApiContractClientTests extends IntegrationTest {

    @TempDir
    Path tmp;

    @Test
    void shouldWorkThroughAClientGeneratedFromTheCommittedDocument() throws Exception {
        ClinicFixtures clinic = new ClinicFixtures(api, users);
        ClinicFixtures.PatientAccount patient = clinic.patient();
        ClinicFixtures.DoctorAccount doctor = clinic.linkedDoctor(patient);

        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        TokenResponse tokens = new AuthenticationApi(client)
                .authLogin(
                        new LoginRequest()
                                .email(patient.account().email())
                                .password(patient.account().password()),
                        false);
        assertThat(tokens.getAccessToken()).isNotBlank();
        assertThat(tokens.getExpiresIn()).isPositive();
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + tokens.getAccessToken()));

        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)
                .plusDays(4)
                .plusHours(10);
        AppointmentsApi appointments = new AppointmentsApi(client);
        AppointmentView booked = appointments.appointmentBook(new BookRequest()
                .doctorId(doctor.doctorId())
                .patientId(patient.patientId())
                .startsAt(start)
                .endsAt(start.plus(Duration.ofMinutes(30)))
                .reason("Check-up"));
        CursorPageViewAppointmentView page =
                appointments.appointmentListSearch(null, patient.patientId(), null, null, null, 0, 20, null, null);
        assertThat(page.getContent()).extracting(AppointmentView::getId).contains(booked.getId());
        assertThat(page.getTotalElements()).isPositive();

        File png = tmp.resolve("scan.png").toFile();
        Files.write(png.toPath(), TestFiles.png(3000));
        ImagesApi images = new ImagesApi(client);
        ImageResponse image = upload(images, patient.patientId(), png);
        assertThat(image.getPatientId()).isEqualTo(patient.patientId());
        assertThat(image.getSizeBytes()).isEqualTo(3000L);

        ApiException notFound =
                catchThrowableOfType(ApiException.class, () -> images.imageGet(UUID.randomUUID(), null));
        Problem problem = client.getObjectMapper().readValue(notFound.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo("/problems/not-found");
        assertThat(problem.getTimestamp()).isNotNull();
    }

    private static ImageResponse upload(ImagesApi images, UUID patientId, File png) throws ApiException, IOException {
        return images.imageUploadUpload(
                patientId, png, null, null, null, null, null, null, null, null, null, null, null);
    }
}
