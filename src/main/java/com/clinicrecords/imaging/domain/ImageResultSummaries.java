package com.clinicrecords.imaging.domain;

import com.clinicrecords.shared.security.AuthenticatedUser;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * The ids and statuses of the analysis results of images, as far as the caller may see them (patients: released
 * results only). Implemented by the analysis module, which depends on imaging and not the other way round.
 */
@NamedInterface("api")
public interface ImageResultSummaries {

    record ResultSummary(UUID id, String status) {}

    /** For each given image id, its visible results, newest first (images without any map to an empty list). */
    Map<UUID, List<ResultSummary>> forImages(AuthenticatedUser me, Collection<ImageView> images);
}
