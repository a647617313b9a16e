package com.clinicrecords.patients.domain;

public enum Gender {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
