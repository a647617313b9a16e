package com.clinicrecords.imaging.domain;

import java.time.LocalDate;

/** Optional metadata sent with an upload (multipart fields or headers); overrides what the file says. */
public record UploadForm(String modality, String bodyPart, LocalDate studyDate, String description) {

    public static final UploadForm EMPTY = new UploadForm(null, null, null, null);
}
