package com.clinicrecords.analysis.domain;

/** PRELIMINARY (machine or draft) -> FINAL (signed off by a doctor) -> AMENDED (corrected after release). */
public enum ResultStatus {
    PRELIMINARY,
    FINAL,
    AMENDED;

    /** Released results are the ones a patient may see. */
    public boolean isReleased() {
        return this != PRELIMINARY;
    }
}
