package com.clinicrecords.identity.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** Published inside the disabling transaction; listeners (e.g. appointments of a doctor) join it. */
@NamedInterface("api")
public record AccountDisabledEvent(UUID userId, UUID disabledBy) {}
