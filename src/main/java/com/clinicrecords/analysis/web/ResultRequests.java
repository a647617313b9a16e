package com.clinicrecords.analysis.web;

import com.clinicrecords.analysis.domain.Region;
import com.clinicrecords.analysis.domain.ResultViews.CreateResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

final class ResultRequests {

    private ResultRequests() {}

    record RegionBody(
            @NotNull @PositiveOrZero Double x,
            @NotNull @PositiveOrZero Double y,
            @NotNull @Positive Double width,
            @NotNull @Positive Double height,
            @NotBlank @Size(max = 100) String label,
            @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double score) {

        Region toRegion() {
            return new Region(x, y, width, height, label.strip(), score);
        }
    }

    /** {@code imageSha256} must be the hash of the bytes the result was computed on. */
    record CreateResultBody(
            @NotBlank @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be a hex SHA-256") String imageSha256,

            @Size(max = 100) String algorithmName,
            @Size(max = 50) String algorithmVersion,
            @NotNull @Size(max = 1000) List<@NotNull @Valid RegionBody> regions,
            @Size(max = 20000) String findings) {

        /** The command both ways of storing a result take (a result posted to an image, a job completed). */
        CreateResult command() {
            return new CreateResult(
                    imageSha256, algorithmName, algorithmVersion, ResultRequests.regions(regions), findings);
        }
    }

    record AmendResultBody(
            @NotNull @Size(max = 1000) List<@NotNull @Valid RegionBody> regions,
            @Size(max = 20000) String findings,
            @NotBlank @Size(max = 500) String reason) {}

    static List<Region> regions(List<RegionBody> bodies) {
        return bodies.stream().map(RegionBody::toRegion).toList();
    }
}
