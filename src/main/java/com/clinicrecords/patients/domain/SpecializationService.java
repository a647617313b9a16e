package com.clinicrecords.patients.domain;

import com.clinicrecords.patients.persistence.SpecializationRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The managed list of specializations. A specialization still named by a doctor cannot be deleted. */
@Service
public class SpecializationService {

    private final SpecializationRepository specializations;
    private final Clock clock;

    public SpecializationService(SpecializationRepository specializations, Clock clock) {
        this.specializations = specializations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SpecializationView> list() {
        return specializations.findAllByOrderByNameAsc().stream()
                .map(SpecializationView::of)
                .toList();
    }

    @Transactional
    public SpecializationView create(String name) {
        String trimmed = name.trim();
        if (specializations.existsByNameIgnoreCase(trimmed)) {
            throw new ConflictException("specialization-exists", "A specialization with this name already exists");
        }
        return SpecializationView.of(specializations.saveAndFlush(new Specialization(trimmed, clock.instant())));
    }

    @Transactional
    public void delete(UUID id) {
        Specialization s = specializations.findById(id).orElseThrow(() -> NotFoundException.of("Specialization"));
        if (specializations.isInUse(id)) {
            throw new ConflictException("specialization-in-use", "Doctors still have this specialization");
        }
        specializations.delete(s);
    }
}
