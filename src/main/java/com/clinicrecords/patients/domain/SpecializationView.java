package com.clinicrecords.patients.domain;

import java.util.UUID;

public record SpecializationView(UUID id, String name) {

    static SpecializationView of(Specialization s) {
        return new SpecializationView(s.getId(), s.getName());
    }
}
