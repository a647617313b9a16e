package com.clinicrecords.patients.domain;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * A link was made or re-activated ({@code active}) or removed. Published inside the link's transaction while it
 * holds the patient's row lock (the lock bookings take too), so a synchronous listener that keeps rows derived
 * from links, such as the appointments module's list of linked patients' appointments, changes them in the same
 * transaction and cannot miss a booking made at the same moment.
 */
@NamedInterface("api")
public record DoctorPatientLinkChangedEvent(UUID doctorId, UUID patientId, boolean active) {}
