package com.clinicrecords.imaging.web;

import com.clinicrecords.imaging.domain.ImageResultSummaries;
import com.clinicrecords.imaging.domain.ImageView;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/** Builds image responses with their results' ids and statuses (one query per page, not per image). */
@Component
class ImageResponses {

    private final ImageResultSummaries results;

    ImageResponses(ImageResultSummaries results) {
        this.results = results;
    }

    ImageResponse of(AuthenticatedUser me, ImageView view) {
        return ImageResponse.of(view, results.forImages(me, List.of(view)).getOrDefault(view.id(), List.of()));
    }

    /**
     * A just-created image, as of its commit: no result can name it yet (results are posted later for its
     * analysis job), so no query is sent.
     */
    ImageResponse created(ImageView view) {
        return ImageResponse.of(view, List.of());
    }

    PageView<ImageResponse> page(AuthenticatedUser me, Page<ImageView> page) {
        Map<UUID, List<ImageResultSummaries.ResultSummary>> byImage = results.forImages(me, page.getContent());
        return PageView.of(page, v -> ImageResponse.of(v, byImage.getOrDefault(v.id(), List.of())));
    }
}
