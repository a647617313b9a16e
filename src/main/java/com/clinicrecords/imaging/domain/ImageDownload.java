package com.clinicrecords.imaging.domain;

/**
 * An authorised download: what to send and which bytes. {@code partial} is true for a satisfiable Range.
 * {@code storageKey} stays inside the application (used by the web layer to open the stream).
 */
public record ImageDownload(ImageView image, String storageKey, long offset, long length, boolean partial) {}
