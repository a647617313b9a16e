package com.clinicrecords.imaging.web;

import com.clinicrecords.imaging.domain.ByteRange;
import com.clinicrecords.imaging.domain.FileNames;
import com.clinicrecords.imaging.domain.ImageDownload;
import com.clinicrecords.imaging.domain.ImageService;
import com.clinicrecords.imaging.domain.ImageStatus;
import com.clinicrecords.imaging.domain.RangeNotSatisfiableException;
import com.clinicrecords.imaging.domain.UpdateImageCommand;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.web.ETags;
import com.clinicrecords.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

@RestController
@Validated
@Tag(name = "Images")
class ImageController {

    private final ImageService images;
    private final ImageResponses responses;

    ImageController(ImageService images, ImageResponses responses) {
        this.images = images;
        this.responses = responses;
    }

    @GetMapping("/api/patients/{patientId}/images")
    @Operation(summary = "List a patient's images, newest first (patient, linked doctors, admins)")
    PageView<ImageResponse> list(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID patientId,
            @RequestParam(required = false) ImageStatus status,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return responses.page(me, images.list(me, patientId, status, page, size));
    }

    @GetMapping("/api/images/{id}")
    @Operation(summary = "Image metadata (patient, linked doctors, admins, analysis service)")
    ResponseEntity<ImageResponse> get(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        ImageResponse body = responses.of(me, images.get(me, id));
        return ResponseEntity.ok().eTag(ETags.of(body.version())).body(body);
    }

    @PutMapping("/api/images/{id}")
    @Operation(
            summary = "Replace descriptive metadata, absent fields are cleared (linked doctor or uploader); "
                    + "If-Match or version checked")
    ResponseEntity<ImageResponse> replace(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ImageRequests.UpdateImage request) {
        return update(me, id, ifMatch, request, false);
    }

    @PatchMapping("/api/images/{id}")
    @Operation(summary = "Change some descriptive fields (absent or null fields are kept)")
    ResponseEntity<ImageResponse> patch(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody ImageRequests.UpdateImage request) {
        return update(me, id, ifMatch, request, true);
    }

    @PutMapping("/api/images/{id}/status")
    @Operation(summary = "Set the processing status (analysis service or linked doctor; images:status)")
    ImageResponse status(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @Valid @RequestBody ImageRequests.ChangeStatus request) {
        return responses.of(me, images.changeStatus(me, id, request.status()));
    }

    @DeleteMapping("/api/images/{id}")
    @Operation(summary = "Soft-delete an image (the uploading doctor while linked, or an admin)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        images.delete(me, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/images/{id}/content")
    @Operation(
            summary = "Download the file; supports a single byte Range (206/416), If-Range and If-None-Match (304)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "The whole file (also when If-Range names an older ETag)",
                            content =
                                    @Content(
                                            mediaType = "application/octet-stream",
                                            schema = @Schema(type = "string", format = "binary"))))
    void content(
            @AuthenticationPrincipal AuthenticatedUser me,
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
            @Parameter(description = "Honour Range only while the file still has this ETag")
                    @RequestHeader(name = HttpHeaders.IF_RANGE, required = false)
                    String ifRange,
            @Parameter(description = "The ETag of a copy already held: 304 when unchanged")
                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ImageDownload download = images.download(me, id, new ByteRange.Requested(range), ifRange);
        if (new ServletWebRequest(request, response)
                .checkNotModified(ImageService.contentETag(download.image().sha256()))) {
            return; // 304 Not Modified, with the ETag
        }
        response.setStatus(download.partial() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
        response.setContentType(download.image().contentType());
        response.setContentLengthLong(download.length());
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (download.partial()) {
            response.setHeader(
                    HttpHeaders.CONTENT_RANGE,
                    "bytes " + download.offset() + "-" + (download.offset() + download.length() - 1) + "/"
                            + download.image().sizeBytes());
        }
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        // Cleaned again: names stored by earlier releases may keep bidi controls or a wrong extension.
                        .filename(
                                FileNames.sanitise(
                                        download.image().filename(),
                                        download.image().contentType()),
                                StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader(
                HttpHeaders.ETAG, ImageService.contentETag(download.image().sha256()));
        try (InputStream in = images.open(download);
                OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** 416 carries Content-Range: bytes *&#47;size so the client learns the real length. */
    @ExceptionHandler(RangeNotSatisfiableException.class)
    ResponseEntity<ProblemDetail> rangeNotSatisfiable(RangeNotSatisfiableException e) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size())
                .body(Problems.of(e.status(), e.slug(), e.title(), e.getMessage()));
    }

    private ResponseEntity<ImageResponse> update(
            AuthenticatedUser me, UUID id, String ifMatch, ImageRequests.UpdateImage request, boolean partial) {
        Long fromHeader = ETags.optionalVersion(ifMatch);
        Long expected = fromHeader != null ? fromHeader : request.version();
        ImageResponse body = responses.of(
                me,
                images.update(
                        me,
                        id,
                        new UpdateImageCommand(
                                request.modality(),
                                request.bodyPart(),
                                request.studyDate(),
                                request.description(),
                                expected,
                                partial)));
        return ResponseEntity.ok().eTag(ETags.of(body.version())).body(body);
    }
}
