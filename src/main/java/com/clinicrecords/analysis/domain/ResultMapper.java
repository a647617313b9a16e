package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.domain.ResultViews.ResultView;
import com.clinicrecords.analysis.domain.ResultViews.VersionView;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Regions are stored as a JSON array; this is the only place that (de)serialises them. */
@Component
class ResultMapper {

    private static final TypeReference<List<Region>> REGIONS = new TypeReference<>() {};

    private final JsonMapper json;

    ResultMapper(JsonMapper json) {
        this.json = json;
    }

    String toJson(List<Region> regions) {
        return json.writeValueAsString(regions == null ? List.of() : regions);
    }

    List<Region> regions(String stored) {
        return json.readValue(stored, REGIONS);
    }

    ResultView view(AnalysisResult r, AnalysisResultVersion current, List<AnalysisResultVersion> history) {
        return new ResultView(
                r.getId(),
                r.getImageId(),
                r.getPatientId(),
                r.getImageSha256(),
                r.getStatus(),
                r.getCurrentVersion(),
                r.getAlgorithmName(),
                r.getAlgorithmVersion(),
                r.getCreatedBy(),
                r.getCreatedAt(),
                r.getFinalizedAt(),
                r.getFinalizedBy(),
                regions(current.getRegionsJson()),
                current.getFindings(),
                r.getVersion(),
                history == null ? null : history.stream().map(this::version).toList());
    }

    VersionView version(AnalysisResultVersion v) {
        return new VersionView(
                v.getVersionNo(),
                v.getStatus(),
                regions(v.getRegionsJson()),
                v.getFindings(),
                v.getAmendReason(),
                v.getAuthorUserId(),
                v.getCreatedAt());
    }
}
