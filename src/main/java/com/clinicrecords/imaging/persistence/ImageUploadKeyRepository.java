package com.clinicrecords.imaging.persistence;

import com.clinicrecords.imaging.domain.ImageUploadKey;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ImageUploadKeyRepository extends JpaRepository<ImageUploadKey, ImageUploadKey.Key> {}
