package com.clinicrecords.imaging.domain;

/** @param created false when the same bytes were already stored for the patient (deduplicated, 200) */
public record UploadResult(ImageView image, boolean created) {}
