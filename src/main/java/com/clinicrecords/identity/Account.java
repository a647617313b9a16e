package com.clinicrecords.identity;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An account as other modules see it: who, how to reach them, and whether it may be used (status ACTIVE). */
@NamedInterface("api")
public record Account(UUID id, String email, String firstName, String lastName, boolean active) {}
