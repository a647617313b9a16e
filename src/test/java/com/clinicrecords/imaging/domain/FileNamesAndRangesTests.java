package com.clinicrecords.imaging.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FileNamesAndRangesTests {

    @Test
    void shouldKeepOnlyASafeLastSegmentWhenNameIsHostile() {
        assertThat(FileNames.sanitise("../../etc/passwd", "image/png")).isEqualTo("passwd.png");
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
    void shouldDropBidiControlsSoTheShownNameIsTheRealOne() {
        assertThat(FileNames.sanitise("scan\u202Egnp.exe", "image/png")).isEqualTo("scangnp.png");
        assertThat(FileNames.sanitise("a\u2066b\u2069c\u200E\u200F\u202A\u202B\u202C\u202D.pdf", "application/pdf"))
                .isEqualTo("abc.pdf");
    }

    @Test
    void shouldGiveTheNameTheExtensionOfTheDetectedType() {
        assertThat(FileNames.sanitise("polyglot.html", "image/png")).isEqualTo("polyglot.png");
        assertThat(FileNames.sanitise("report.svg", "application/pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.sanitise("photo.JPEG", "image/jpeg")).isEqualTo("photo.JPEG");
        assertThat(FileNames.sanitise("slide.tif", "image/tiff")).isEqualTo("slide.tif");
        assertThat(FileNames.sanitise("series", "application/dicom")).isEqualTo("series.dcm");
        assertThat(FileNames.sanitise("knee.v2.final", "image/png")).isEqualTo("knee.v2.png");
        // Idempotent: a name cleaned once stays the same when cleaned again for the download.
        String once = FileNames.sanitise("x\u202E.html", "image/png");
        assertThat(FileNames.sanitise(once, "image/png")).isEqualTo(once);
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
