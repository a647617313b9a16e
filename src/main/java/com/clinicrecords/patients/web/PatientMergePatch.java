package com.clinicrecords.patients.web;

import com.clinicrecords.patients.domain.PatientRecordService.Fields;
import com.clinicrecords.patients.domain.PatientView;
import com.clinicrecords.patients.web.PatientRequests.UpdatePatientRequest;
import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.web.JsonMergePatch;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a merge patch to the writable fields of a patient record and checks the result exactly like a PUT
 * body (same record, same constraints), so PATCH and PUT cannot drift apart.
 */
@Component
class PatientMergePatch {

    /** The writable fields: the components of the PUT body (not the JSON of one, which omits nulls). */
    private static final List<String> WRITABLE = Arrays.stream(UpdatePatientRequest.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

    private final JsonMapper json;
    private final Validator validator;

    PatientMergePatch(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    Fields apply(PatientView current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new BadRequestException("invalid-merge-patch", "A merge patch of a patient record is a JSON object");
        }
        ObjectNode writable = json.valueToTree(new UpdatePatientRequest(
                current.firstName(),
                current.lastName(),
                current.dateOfBirth(),
                current.gender(),
                current.insuranceNumber(),
                current.room(),
                current.bed(),
                current.diagnosis(),
                current.prescribedMedicine()));
        // Only the writable fields take part: ids, versions and timestamps in a patch are ignored, as in PUT.
        ObjectNode known = (ObjectNode) patch.deepCopy();
        known.retain(WRITABLE);
        UpdatePatientRequest merged;
        try {
            merged = json.treeToValue(JsonMergePatch.apply(writable, known), UpdatePatientRequest.class);
        } catch (JacksonException e) {
            String field = e.getPath().isEmpty()
                    ? "body"
                    : e.getPath().get(e.getPath().size() - 1).getPropertyName();
            throw new InvalidFieldException(field == null ? "body" : field, "has a wrong type or format");
        }
        validator.validate(merged).stream()
                .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .ifPresent(PatientMergePatch::reject);
        return new Fields(merged.demographics(), merged.clinical());
    }

    private static void reject(ConstraintViolation<UpdatePatientRequest> violation) {
        throw new InvalidFieldException(violation.getPropertyPath().toString(), violation.getMessage());
    }
}
