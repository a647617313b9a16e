package com.clinicrecords.imaging.domain;

import com.clinicrecords.shared.domain.ClinicException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 416: the requested byte range starts beyond the end of the file. */
public class RangeNotSatisfiableException extends ClinicException {

    private final long size;

    public RangeNotSatisfiableException(long size) {
        super(
                HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                "range-not-satisfiable",
                "Range not satisfiable",
                "The requested range is outside the file",
                Map.of("size", size));
        this.size = size;
    }

    public long size() {
        return size;
    }
}
