package com.clinicrecords.imaging.web;

import com.clinicrecords.imaging.domain.ImageUploads;
import com.clinicrecords.imaging.domain.UnsupportedMediaTypeException;
import com.clinicrecords.imaging.domain.UploadForm;
import com.clinicrecords.imaging.domain.UploadResult;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.web.ETags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Image upload, streamed: the container does not parse multipart bodies (spring.servlet.multipart.enabled is
 * off), so the file part is read straight from the socket by {@link MultipartReader} and never lands in memory
 * or a container temp file.
 */
@RestController
@Tag(name = "Images")
class ImageUploadController {

    /**
     * On a 200: these bytes were already stored for the patient; the existing image is returned (Location
     * names it) and the metadata sent with this upload was not applied (change it with PATCH).
     */
    static final String DUPLICATE_HEADER = "X-Upload-Duplicate";

    private final ImageUploads uploads;
    private final Validator validator;
    private final ImageResponses responses;

    ImageUploadController(ImageUploads uploads, Validator validator, ImageResponses responses) {
        this.uploads = uploads;
        this.validator = validator;
        this.responses = responses;
    }

    @PostMapping("/api/patients/{patientId}/images")
    @Operation(
            summary = "Upload an image (multipart part \"file\" plus optional fields modality, bodyPart, "
                    + "studyDate, description; or the raw bytes with X-Filename). 201 new, 200 when the same bytes exist. "
                    + "The patient themself or a linked doctor.",
            description = "A 200 means these bytes were already stored for the patient: the existing image is "
                    + "returned with Location and `X-Upload-Duplicate: true`, and the metadata sent with this upload "
                    + "was not applied. A retry with the same Idempotency-Key and the same file gets the first "
                    + "answer again; the same key with a different file is 422 idempotency-key-reused.")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key already used for another patient or file")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "X-Filename",
            description = "Raw-body uploads: the file name (percent-encoded UTF-8 allowed)")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "Content-Disposition",
            description = "Raw-body uploads: alternative to X-Filename, e.g. attachment; filename*=UTF-8''scan.png")
    @Parameter(in = ParameterIn.HEADER, name = "X-Modality", description = "Raw-body uploads: modality, e.g. CT")
    @Parameter(in = ParameterIn.HEADER, name = "X-Body-Part", description = "Raw-body uploads: body part")
    @Parameter(in = ParameterIn.HEADER, name = "X-Study-Date", description = "Raw-body uploads: study date, YYYY-MM-DD")
    @Parameter(
            in = ParameterIn.HEADER,
            name = "X-Description",
            description = "Raw-body uploads: description (percent-encoded UTF-8)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(mediaType = "multipart/form-data", schema = @Schema(implementation = UploadFormDoc.class)),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))
            })
    ResponseEntity<ImageResponse> upload(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID patientId,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request) {
        String type = request.getContentType();
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (!multipart && type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new UnsupportedMediaTypeException("Send the file as multipart/form-data or as the raw body");
        }
        UploadResult result = uploads.upload(
                me,
                patientId,
                idempotencyKey,
                request.getContentLengthLong(),
                multipart,
                multipart ? receiver -> readMultipart(request, receiver) : receiver -> readRaw(request, receiver));
        ImageResponse body = result.created() ? responses.created(result.image()) : responses.of(me, result.image());
        URI location = URI.create("/api/images/" + body.id());
        return result.created()
                ? ResponseEntity.created(location)
                        .eTag(ETags.of(body.version()))
                        .body(body)
                : ResponseEntity.status(HttpStatus.OK)
                        .location(location)
                        .header(DUPLICATE_HEADER, "true")
                        .eTag(ETags.of(body.version()))
                        .body(body);
    }

    /** Only documents the multipart form for OpenAPI; the body is parsed by hand (streamed). */
    record UploadFormDoc(
            @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
            String file,

            @Schema(maxLength = 16, description = "e.g. CT, MR, XR (default: from the DICOM header)")
            String modality,

            @Schema(maxLength = 64, description = "e.g. CHEST (default: from the DICOM header)")
            String bodyPart,

            // A plain string, not format=date: Swagger UI would pre-fill (and submit) today's date.
            @Schema(maxLength = 10, pattern = "^\\d{4}-\\d{2}-\\d{2}$", description = "YYYY-MM-DD")
            String studyDate,

            @Schema(maxLength = 1000) String description) {}

    private UploadForm readRaw(HttpServletRequest request, ImageUploads.FileReceiver receiver) throws IOException {
        UploadForm form = UploadFields.fromHeaders(request).validated(validator);
        try (InputStream in = request.getInputStream()) {
            receiver.receive(in, rawFilename(request));
        }
        return form;
    }

    private UploadForm readMultipart(HttpServletRequest request, ImageUploads.FileReceiver receiver)
            throws IOException {
        String boundary = MultipartReader.boundary(request.getContentType());
        if (boundary == null) {
            throw new IOException("multipart request without a boundary");
        }
        Map<String, String> fields = new HashMap<>();
        try (InputStream body = request.getInputStream()) {
            MultipartReader parts = new MultipartReader(body, boundary, 20, 8 * 1024);
            for (MultipartReader.Part part = parts.next(); part != null; part = parts.next()) {
                if ("file".equals(part.name()) && part.isFile()) {
                    receiver.receive(part.content(), part.filename());
                } else if (!part.isFile() && UploadFields.NAMES.contains(part.name())) {
                    fields.put(part.name(), readField(part));
                }
                // other parts are skipped (next() drains them)
            }
        }
        return UploadFields.of(fields).validated(validator);
    }

    private static String readField(MultipartReader.Part part) throws IOException {
        byte[] value = part.content().readNBytes(UploadFields.MAX_FIELD_BYTES + 1);
        if (value.length > UploadFields.MAX_FIELD_BYTES) {
            throw new BadRequestException("field-too-large", "Form field " + part.name() + " is too long");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    /** X-Filename (percent-encoded UTF-8 allowed) or a Content-Disposition header with filename / filename*. */
    private static String rawFilename(HttpServletRequest request) {
        String header = request.getHeader("X-Filename");
        if (header != null) {
            return UploadFields.decode(header);
        }
        String disposition = request.getHeader("Content-Disposition");
        if (disposition != null) {
            try {
                return ContentDisposition.parse(disposition).getFilename();
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
