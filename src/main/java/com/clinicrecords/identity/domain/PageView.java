package com.clinicrecords.identity.domain;

import java.util.List;

/** One page of a list, with what a client needs to page further. */
public record PageView<T>(List<T> items, int page, int size, long totalElements, int totalPages) {}
