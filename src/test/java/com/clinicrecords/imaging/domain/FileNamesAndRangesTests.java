package com.clinicrecords.imaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileNamesAndRangesTests {

    @Test
    void shouldKeepOnlyASafeLastSegmentWhenNameIsHostile() {
        assertThat(FileNames.sanitise("../../etc/passwd", "image/png")).isEqualTo("passwd");
        assertThat(FileNames.sanitise("C:\\scans\\knee.dcm", "application/dicom"))
                .isEqualTo("knee.dcm");
        assertThat(FileNames.sanitise("a\u0000b\r\n\".jpg", "image/jpeg")).isEqualTo("ab.jpg");
        assertThat(FileNames.sanitise("..", "image/png")).isEqualTo("image.png");
        assertThat(FileNames.sanitise(null, "application/dicom")).isEqualTo("image.dcm");
        assertThat(FileNames.sanitise("x".repeat(300) + ".png", "image/png"))
                .hasSize(200)
                .endsWith(".png");
        assertThat(FileNames.sanitise("Röntgen Thorax.png", "image/png")).isEqualTo("Röntgen Thorax.png");
    }

    @Test
    void shouldResolveSingleRangesWhenHeaderIsValid() {
        assertThat(range("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 9, true));
        assertThat(range("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99, true));
        assertThat(range("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99, true));
        assertThat(range("bytes=-500", 100)).isEqualTo(new ByteRange(0, 99, true));
        assertThat(range("bytes=50-1000", 100)).isEqualTo(new ByteRange(50, 99, true));
    }

    @Test
    void shouldServeWholeFileWhenHeaderIsAbsentInvalidOrMultiRange() {
        ByteRange whole = new ByteRange(0, 99, false);
        assertThat(range(null, 100)).isEqualTo(whole);
        assertThat(range("items=0-1", 100)).isEqualTo(whole);
        assertThat(range("bytes=5-2", 100)).isEqualTo(whole);
        assertThat(range("bytes=0-1,5-6", 100)).isEqualTo(whole);
        assertThat(range("bytes=x-y", 100)).isEqualTo(whole);
    }

    @Test
    void shouldRejectRangesBeyondTheEndWhenUnsatisfiable() {
        assertThatThrownBy(() -> range("bytes=100-", 100)).isInstanceOf(RangeNotSatisfiableException.class);
        assertThatThrownBy(() -> range("bytes=-0", 100)).isInstanceOf(RangeNotSatisfiableException.class);
    }

    private static ByteRange range(String header, long size) {
        return new ByteRange.Requested(header).resolve(size);
    }
}
