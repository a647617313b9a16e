package com.clinicrecords.imaging.web;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;
import org.springframework.http.ContentDisposition;

/**
 * Reads a multipart/form-data body part by part, each part's content as an {@link InputStream}, without spooling
 * anything: the body is read in {@value #BUFFER}-byte blocks and handed to Jetty's streaming parser, whose
 * content events are slices of that block (no copies); a part's stream serves those slices before the next
 * block is read. Jetty's parser rather than Commons FileUpload's iterator: FileUpload searches the boundary one
 * byte at a time through a 4 KiB buffer (about a tenth of disk speed here), Jetty with Boyer-Moore-Horspool.
 *
 * <p>Not thread-safe; one request at a time. Malformed or truncated bodies fail with an {@link IOException}.
 */
final class MultipartReader {

    static final int BUFFER = 256 * 1024;

    /** A part: its form field name, the file name when it is a file, and its content (valid until next()). */
    record Part(String name, String filename, InputStream content) {

        boolean isFile() {
            return filename != null;
        }
    }

    private sealed interface Event permits Begin, Slice, End {}

    private record Begin(String name, String filename) implements Event {}

    private record Slice(ByteBuffer bytes) implements Event {}

    private record End() implements Event {}

    private static final End END = new End();

    private final InputStream body;
    private final byte[] block = new byte[BUFFER];
    private final MultiPart.Parser parser;
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private String disposition;
    private boolean complete;
    private boolean eof;
    private Throwable failure;
    private PartStream current;

    MultipartReader(InputStream body, String boundary, int maxParts, int maxPartHeaderBytes) {
        this.body = body;
        this.parser = new MultiPart.Parser(boundary, new Listener());
        parser.setMaxParts(maxParts);
        parser.setPartHeadersMaxLength(maxPartHeaderBytes);
    }

    /** The boundary of a multipart Content-Type, or null when there is none. */
    static String boundary(String contentType) {
        String boundary = contentType == null ? null : MultiPart.extractBoundary(contentType);
        return boundary == null || boundary.isEmpty() ? null : boundary;
    }

    /** The next part (the rest of the previous one is skipped), or null after the last. */
    Part next() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        }
        while (true) {
            Event event = events.poll();
            if (event == null) {
                if (complete) {
                    return null;
                }
                fill();
            } else if (event instanceof Begin begin) {
                current = new PartStream();
                return new Part(begin.name(), begin.filename(), current);
            }
            // slices and ends of skipped parts (preamble handling is the parser's) are dropped
        }
    }

    /** Reads the next block and parses it; only called when every event of the previous block was consumed. */
    private void fill() throws IOException {
        if (eof) {
            throw new EOFException("Multipart body ended before its closing boundary");
        }
        int n = body.readNBytes(block, 0, block.length);
        if (n == 0) {
            eof = true;
            parser.parse(Content.Chunk.EOF);
        } else {
            parser.parse(Content.Chunk.from(ByteBuffer.wrap(block, 0, n), false));
        }
        if (failure != null) {
            throw failure instanceof IOException io ? io : new IOException("Malformed multipart body", failure);
        }
    }

    private final class PartStream extends InputStream {

        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (!ended) {
                Event event = events.peek();
                if (event == null) {
                    fill();
                } else if (event instanceof Slice slice) {
                    ByteBuffer bytes = slice.bytes();
                    int n = Math.min(len, bytes.remaining());
                    bytes.get(b, off, n);
                    if (!bytes.hasRemaining()) {
                        events.poll();
                    }
                    return n;
                } else {
                    // End of this part (a Begin cannot come before it); next() goes on from here
                    events.poll();
                    ended = true;
                }
            }
            return -1;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // drain
            }
        }
    }

    private final class Listener implements MultiPart.Parser.Listener {

        @Override
        public void onPartBegin() {
            disposition = null;
        }

        @Override
        public void onPartHeader(String name, String value) {
            if ("Content-Disposition".equalsIgnoreCase(name)) {
                disposition = value;
            }
        }

        @Override
        public void onPartHeaders() {
            String name = null;
            String filename = null;
            if (disposition != null) {
                try {
                    ContentDisposition parsed = ContentDisposition.parse(disposition);
                    name = parsed.getName();
                    filename = parsed.getFilename();
                } catch (IllegalArgumentException malformed) {
                    // a part without a usable name is skipped by the caller
                }
            }
            events.add(new Begin(name, filename));
        }

        @Override
        public void onPartContent(Content.Chunk chunk) {
            ByteBuffer bytes = chunk.getByteBuffer();
            if (bytes.hasRemaining()) {
                // a slice of the current block, consumed before the next block is read
                events.add(new Slice(bytes.slice()));
            }
        }

        @Override
        public void onPartEnd() {
            events.add(END);
        }

        @Override
        public void onComplete() {
            complete = true;
        }

        @Override
        public void onFailure(Throwable cause) {
            failure = cause;
        }
    }
}
