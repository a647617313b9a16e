package com.clinicrecords.identity.domain;

import java.util.UUID;

/** Published inside the disabling transaction; listeners (e.g. appointments of a doctor) join it. */
public record AccountDisabledEvent(UUID userId, UUID disabledBy) {}
