package com.clinicrecords.imaging.domain;

import com.clinicrecords.shared.domain.ClinicException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 413: the upload is bigger than {@code clinic.imaging.max-bytes}. */
public class PayloadTooLargeException extends ClinicException {

    public PayloadTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The file is larger than the allowed " + maxBytes + " bytes", Map.of("maxBytes", maxBytes));
    }
}
