package com.clinicrecords.appointments.domain;

import java.time.Instant;

public record FreeSlot(Instant startsAt, Instant endsAt) {}
