package com.clinicrecords.patients.domain;

import com.clinicrecords.patients.persistence.SpecializationRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.persistence.CreateIfAbsent;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The managed list of specializations. A specialization still named by a doctor cannot be deleted. */
@Service
public class SpecializationService {

    private final SpecializationRepository specializations;
    private final CreateIfAbsent createIfAbsent;
    private final Clock clock;

    public SpecializationService(SpecializationRepository specializations, CreateIfAbsent createIfAbsent, Clock clock) {
        this.specializations = specializations;
        this.createIfAbsent = createIfAbsent;
        this.clock = clock;
    }

    // no transaction around reads that need no snapshot (list round-trip budget)
    public List<SpecializationView> list() {
        return specializations.findAllByOrderByNameAsc().stream()
                .map(SpecializationView::of)
                .toList();
    }

    /**
     * Adds the specialization; one that exists already under the same name (ignoring case) is returned as it is,
     * so repeated and concurrent identical calls get the same answer.
     */
    public SpecializationView create(String name) {
        String trimmed = name.trim();
        return createIfAbsent.run(() -> SpecializationView.of(specializations
                .findByNameIgnoreCase(trimmed)
                .orElseGet(() -> specializations.saveAndFlush(new Specialization(trimmed, clock.instant())))));
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
