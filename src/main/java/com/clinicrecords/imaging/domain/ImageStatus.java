package com.clinicrecords.imaging.domain;

import java.util.Map;
import java.util.Set;
import org.springframework.modulith.NamedInterface;

/** Processing state of an image, set by the analysis pipeline or a linked doctor. */
@NamedInterface("api")
public enum ImageStatus {
    WAITING,
    PROCESSING,
    PROCESSED,
    FAILED;

    private static final Map<ImageStatus, Set<ImageStatus>> NEXT = Map.of(
            WAITING, Set.of(PROCESSING, FAILED),
            PROCESSING, Set.of(PROCESSED, FAILED, WAITING),
            // Reprocessing (new algorithm version) or a retry after failure starts over.
            PROCESSED, Set.of(WAITING, PROCESSING),
            FAILED, Set.of(WAITING, PROCESSING));

    public boolean canMoveTo(ImageStatus next) {
        return this == next || NEXT.get(this).contains(next);
    }
}
