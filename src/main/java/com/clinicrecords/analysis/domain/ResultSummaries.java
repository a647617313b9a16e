package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.persistence.AnalysisResultRepository;
import com.clinicrecords.imaging.domain.ImageResultSummaries;
import com.clinicrecords.imaging.domain.ImageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Result ids and statuses for image responses, filtered by what the caller may see of each patient. */
@Component
class ResultSummaries implements ImageResultSummaries {

    private static final Set<ResultStatus> RELEASED = EnumSet.of(ResultStatus.FINAL, ResultStatus.AMENDED);

    private final AnalysisResultRepository results;
    private final ResultAccess access;

    ResultSummaries(AnalysisResultRepository results, ResultAccess access) {
        this.results = results;
        this.access = access;
    }

    /** One statement, no transaction: the images were access-checked already; the statuses are filtered here. */
    @Override
    public Map<UUID, List<ResultSummary>> forImages(AuthenticatedUser me, Collection<ImageView> images) {
        Map<UUID, List<ResultSummary>> out = new HashMap<>();
        if (images.isEmpty()) {
            return out;
        }
        images.forEach(image -> out.put(image.id(), new ArrayList<>()));
        boolean all = me.isAdmin() || access.isAnalysisService(me);
        boolean care = me.can(Permissions.PATIENTS_CARE) && me.hasRole(Roles.DOCTOR);
        for (AnalysisResult r : results.findVisibleByImages(out.keySet(), me.userId(), all, care, RELEASED)) {
            out.get(r.getImageId())
                    .add(new ResultSummary(r.getId(), r.getStatus().name()));
        }
        return out;
    }
}
