package com.clinicrecords.imaging.domain;

import com.clinicrecords.shared.domain.PayloadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with 413 as soon as more than {@code max} bytes were read, so an oversized upload stops early. */
final class SizeLimitingInputStream extends FilterInputStream {

    private final long max;
    private long count;

    SizeLimitingInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        count += n;
        if (count > max) {
            throw new PayloadTooLargeException(max);
        }
    }
}
