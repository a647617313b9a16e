package com.clinicrecords.analysis.domain;

/** A box on the image (pixels from the top-left corner) with what was found there and the confidence 0..1. */
public record Region(double x, double y, double width, double height, String label, double score) {}
