package com.clinicrecords.analysis.domain;

import java.util.UUID;

/**
 * Published (inside the transaction) when a result becomes visible to its patient: finalized or amended.
 * Carries ids only, no medical content, so listeners (e.g. an email sender) cannot leak findings.
 */
public record ResultReleasedEvent(UUID resultId, UUID patientId, UUID patientUserId, int version, boolean amendment) {}
