package com.clinicrecords.imaging.web;

import com.clinicrecords.imaging.domain.ImageSearch;
import com.clinicrecords.imaging.domain.ImageStatus;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Images")
class ImageSearchController {

    private final ImageSearch search;
    private final ImageResponses responses;

    ImageSearchController(ImageSearch search, ImageResponses responses) {
        this.search = search;
        this.responses = responses;
    }

    @GetMapping("/api/images")
    @Operation(
            summary = "Search images across patients, newest first (doctors: their linked patients; admins: all). "
                    + "from/to bound the upload time (from inclusive, to exclusive); totalElements capped at 1000")
    PageView<ImageResponse> search(
            @AuthenticationPrincipal AuthenticatedUser me,
            @RequestParam(required = false) UUID patientId,
            @RequestParam(required = false) ImageStatus status,
            @RequestParam(required = false) @Size(max = 16) String modality,
            @RequestParam(required = false) @Size(max = 64) String bodyPart,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return responses.page(
                me,
                search.search(
                        me, new ImageSearch.Criteria(patientId, status, modality, bodyPart, from, to), page, size));
    }
}
