package com.clinicrecords.imaging.domain;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Like {@link java.security.DigestInputStream}, but the digest is computed on a second thread while the reader
 * goes on reading and writing: SHA-256 (about 1 GiB/s on one core) in series with the socket reads and file
 * writes caps an upload well below disk speed. The bytes read are copied into one of {@value #BUFFERS} reusable
 * {@value #BUFFER_SIZE}-byte buffers and handed over through a bounded queue; when the hashing thread falls
 * behind, the reader waits for a free buffer, so memory stays fixed (1 MiB per upload) whatever the file size.
 * When the executor has no thread free, the reader hashes itself, exactly like DigestInputStream.
 *
 * <p>Hand-written: neither the JDK nor Guava/commons-codec has a digest stream that hashes on another thread.
 * The hand-over is two {@link ArrayBlockingQueue}s (full buffers to the hasher, empty ones back), so the
 * hasher sees every buffer in order and a buffer is never written while it is being hashed. {@link #close}
 * always stops the hasher (also when the upload fails half-way), and {@link #digest} only answers after the
 * hasher has seen every byte up to end of stream.
 */
final class PipelinedDigestInputStream extends FilterInputStream {

    static final int BUFFER_SIZE = 256 * 1024;
    static final int BUFFERS = 4;

    private record Chunk(byte[] bytes, int length) {}

    private static final Chunk END = new Chunk(new byte[0], 0);

    private final MessageDigest digest;
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final CompletableFuture<Void> hasher;
    private int allocated;
    private byte[] current;
    private int filled;
    private boolean ended;
    private boolean endSent;

    /** @param executor runs the hashing (one task for the whole stream); rejected: this thread hashes */
    PipelinedDigestInputStream(InputStream in, MessageDigest digest, Executor executor) {
        super(in);
        this.digest = digest;
        CompletableFuture<Void> started;
        try {
            started = CompletableFuture.runAsync(this::hashUntilEnd, executor);
        } catch (RejectedExecutionException busy) {
            started = null;
        }
        this.hasher = started;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            update(b, off, n);
        } else if (n < 0) {
            finish();
        }
        return n;
    }

    /** Skipped bytes are read (and hashed): the digest covers every byte of the stream. */
    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: the digest cannot rewind
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /**
     * The digest of every byte of the stream, once it was read to its end; waits for the hashing thread.
     *
     * @throws IllegalStateException when bytes are left unread
     */
    byte[] digest() throws IOException {
        if (!ended && read() >= 0) {
            throw new IllegalStateException("The stream was not read to its end");
        }
        if (hasher != null) {
            try {
                hasher.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while waiting for the digest");
            } catch (ExecutionException e) {
                throw new IOException("Hashing failed", e.getCause());
            }
        }
        return digest.digest();
    }

    /** Closes the underlying stream and {@linkplain #stop() stops} the hashing thread. */
    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            stop();
        }
    }

    /**
     * Lets the hashing thread end (at once when the stream was not read to its end, e.g. a failed upload);
     * the underlying stream stays open. Idempotent; call it in a finally block.
     */
    void stop() {
        if (hasher != null && !endSent) {
            // the queue has room for END whatever is in flight
            full.add(END);
            endSent = true;
            current = null;
        }
    }

    private void update(byte[] b, int off, int n) throws IOException {
        if (hasher == null) {
            digest.update(b, off, n);
            return;
        }
        while (n > 0) {
            if (current == null) {
                current = takeFree();
                filled = 0;
            }
            int copy = Math.min(n, current.length - filled);
            System.arraycopy(b, off, current, filled, copy);
            filled += copy;
            off += copy;
            n -= copy;
            if (filled == current.length) {
                handOver();
            }
        }
    }

    private void finish() {
        if (ended || endSent) {
            return;
        }
        if (hasher != null) {
            if (current != null && filled > 0) {
                handOver();
            }
            full.add(END);
            endSent = true;
        }
        ended = true;
    }

    private void handOver() {
        // never blocks: at most BUFFERS chunks exist, and the queue holds BUFFERS + 1
        full.add(new Chunk(current, filled));
        current = null;
        filled = 0;
    }

    private byte[] takeFree() throws IOException {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (allocated < BUFFERS) {
            allocated++;
            return new byte[BUFFER_SIZE];
        }
        try {
            while (true) {
                buffer = free.poll(1, TimeUnit.SECONDS);
                if (buffer != null) {
                    return buffer;
                }
                if (hasher.isDone()) {
                    throw new IOException("The digest thread stopped");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting for the digest thread");
        }
    }

    /** The hashing thread: every chunk in order until END, each buffer returned for reuse after it was hashed. */
    private void hashUntilEnd() {
        try {
            while (true) {
                Chunk chunk = full.take();
                if (chunk == END) {
                    return;
                }
                digest.update(chunk.bytes(), 0, chunk.length());
                free.add(chunk.bytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Digest thread interrupted", e);
        }
    }
}
