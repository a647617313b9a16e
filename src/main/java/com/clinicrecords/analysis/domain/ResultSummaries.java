package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.persistence.AnalysisResultRepository;
import com.clinicrecords.imaging.domain.ImageResultSummaries;
import com.clinicrecords.imaging.domain.ImageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Result ids and statuses for image responses, filtered by what the caller may see of each patient. */
@Component
class ResultSummaries implements ImageResultSummaries {

    private final AnalysisResultRepository results;
    private final ResultAccess access;

    ResultSummaries(AnalysisResultRepository results, ResultAccess access) {
        this.results = results;
        this.access = access;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, List<ResultSummary>> forImages(AuthenticatedUser me, Collection<ImageView> images) {
        Map<UUID, List<ResultSummary>> out = new HashMap<>();
        if (images.isEmpty()) {
            return out;
        }
        Map<UUID, Set<ResultStatus>> visibleByPatient = new HashMap<>();
        Map<UUID, Set<ResultStatus>> visibleByImage = new HashMap<>();
        for (ImageView image : images) {
            out.put(image.id(), new ArrayList<>());
            // A view without patient id is a service client's, which holds a lease on the image.
            Set<ResultStatus> visible = image.patientId() == null
                    ? EnumSet.allOf(ResultStatus.class)
                    : visibleByPatient.computeIfAbsent(image.patientId(), p -> access.visibleStatuses(me, p));
            visibleByImage.put(image.id(), visible);
        }
        for (AnalysisResult r : results.findByImageIdInOrderByCreatedAtDesc(out.keySet())) {
            if (visibleByImage.get(r.getImageId()).contains(r.getStatus())) {
                out.get(r.getImageId())
                        .add(new ResultSummary(r.getId(), r.getStatus().name()));
            }
        }
        return out;
    }
}
