package com.clinicrecords.imaging.domain;

import java.time.LocalDate;

/** New descriptive metadata; {@code expectedVersion} guards against lost updates (null = not checked). */
public record UpdateImageCommand(String modality, String bodyPart, LocalDate studyDate, String description,
        Long expectedVersion) {}
