package com.clinicrecords.notifications.persistence;

import com.clinicrecords.notifications.domain.Notification;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationRepository extends JpaRepository<Notification, UUID> {}
