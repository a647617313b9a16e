package com.clinicrecords.imaging.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Published inside the transaction that stores a new image, so listeners that run synchronously (the analysis
 * queue) write their rows in that same transaction: the image and its analysis job commit or roll back together.
 */
@NamedInterface("api")
public record ImageCommittedEvent(UUID imageId, UUID patientId, String modality, UUID uploadedBy) {}
