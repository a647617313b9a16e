package com.clinicrecords.imaging.domain;

/** What was learnt while streaming an upload: sanitised name, detected type, size and digest. */
public record StoredFile(String filename, String contentType, long size, String sha256) {}
