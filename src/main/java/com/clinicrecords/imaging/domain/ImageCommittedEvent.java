package com.clinicrecords.imaging.domain;

import java.util.UUID;

/**
 * Published inside the transaction that stores a new image, so listeners that run synchronously (the analysis
 * queue) write their rows in that same transaction: the image and its analysis job commit or roll back together.
 */
public record ImageCommittedEvent(UUID imageId, UUID patientId, String modality, UUID uploadedBy) {}
