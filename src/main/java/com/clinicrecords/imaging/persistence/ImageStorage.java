package com.clinicrecords.imaging.persistence;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where image bytes live. An upload is first streamed into a temporary object ({@link #writeTemp}); only after
 * it was checked is it moved to its final, server-generated key ({@link #commit}). Keys never contain
 * anything the client sent.
 */
public interface ImageStorage {

    /**
     * Streams {@code content} to a new temporary object until end of stream. If reading or writing fails
     * (client gone, size limit hit...), the partial object is removed and the exception is rethrown.
     */
    TempObject writeTemp(InputStream content) throws IOException;

    /** Makes a temporary object permanent under {@code key}; the temporary object is gone afterwards. */
    void commit(TempObject temp, String key) throws IOException;

    /** Reads {@code length} bytes starting at {@code offset} of a committed object. */
    InputStream openRange(String key, long offset, long length) throws IOException;

    /** Removes a committed or temporary object; missing objects are ignored. */
    void delete(String key);

    boolean exists(String key);

    /**
     * Removes temporary objects (and, for S3, unfinished multipart uploads) created before {@code cutoff}:
     * leftovers of a process that died mid-upload. Committed objects are never touched.
     *
     * @return how many were removed
     */
    int sweepTemp(java.time.Instant cutoff);

    /** A fully written, not yet committed object. */
    record TempObject(String key, long size) {}
}
