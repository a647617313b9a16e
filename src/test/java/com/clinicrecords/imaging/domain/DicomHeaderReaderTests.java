package com.clinicrecords.imaging.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.imaging.TestFiles;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DicomHeaderReaderTests {

    @Test
    void shouldReadModalityBodyPartAndDateWhenDataSetIsExplicitVr() {
        byte[] file = TestFiles.dicom("MR", "HEAD", "20260115", false, 1000);

        DicomHeaderReader.DicomHeader header = DicomHeaderReader.read(file);

        assertThat(header.modality()).isEqualTo("MR");
        assertThat(header.bodyPart()).isEqualTo("HEAD");
        assertThat(header.studyDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    }

    @Test
    void shouldReadFieldsWhenDataSetIsImplicitVr() {
        byte[] file = TestFiles.dicom("CT", "CHEST", "20251231", true, 1000);

        DicomHeaderReader.DicomHeader header = DicomHeaderReader.read(file);

        assertThat(header).isEqualTo(new DicomHeaderReader.DicomHeader("CT", "CHEST", LocalDate.of(2025, 12, 31)));
    }

    @Test
    void shouldReturnWhatWasFoundWhenHeaderIsTruncated() {
        byte[] file = TestFiles.dicom("CT", "CHEST", "20251231", false, 1000);

        DicomHeaderReader.DicomHeader header = DicomHeaderReader.read(Arrays.copyOf(file, 200));

        assertThat(header.bodyPart()).isNull();
    }

    @Test
    void shouldIgnoreInvalidDatesAndGarbageWhenValuesAreMalformed() {
        byte[] file = TestFiles.dicom("CT", "CHEST", "2025-13", false, 10);
        assertThat(DicomHeaderReader.read(file).studyDate()).isNull();

        byte[] garbage = TestFiles.dicom("CT", "CHEST", "20250101", false, 10);
        Arrays.fill(garbage, 132, garbage.length, (byte) 0xFF);
        assertThat(DicomHeaderReader.read(garbage)).isEqualTo(new DicomHeaderReader.DicomHeader(null, null, null));
    }

    @Test
    void shouldNotRecogniseDicomWhenMarkerIsMissing() {
        assertThat(DicomHeaderReader.isDicom(TestFiles.png(1000))).isFalse();
        assertThat(DicomHeaderReader.isDicom(new byte[100])).isFalse();
        assertThat(DicomHeaderReader.read(TestFiles.png(1000)).modality()).isNull();
    }
}
