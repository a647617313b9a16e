package com.clinicrecords.imaging.domain;

import com.clinicrecords.shared.domain.ClinicException;
import org.springframework.http.HttpStatus;

/** 415: the content is not one of the accepted file types (judged from its bytes, not its name). */
public class UnsupportedMediaTypeException extends ClinicException {

    public UnsupportedMediaTypeException(String detail) {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail);
    }
}
