package com.clinicrecords.analysis.domain;

import org.jspecify.annotations.Nullable;

/** A box on the image (pixels from the top-left corner) with what was found there and the confidence 0..1. */
public record Region(
        double x,
        double y,
        double width,
        double height,
        @Nullable String label,
        double score) {}
