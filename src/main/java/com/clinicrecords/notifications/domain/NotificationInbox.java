package com.clinicrecords.notifications.domain;

import com.clinicrecords.notifications.persistence.NotificationRepository;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own in-app notifications. Every method is scoped to the caller's user id. */
@Service
public class NotificationInbox {

    private final NotificationRepository notifications;
    private final Clock clock;

    public NotificationInbox(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Reads only (a page and, when full, its count): no transaction around them. */
    public PageView<NotificationView> list(UUID userId, boolean unreadOnly, Pageable page) {
        var found = unreadOnly
                ? notifications.findByUserIdAndReadAtIsNullOrderByCreatedAtDescIdDesc(userId, page)
                : notifications.findByUserIdOrderByCreatedAtDescIdDesc(userId, page);
        return PageView.of(found, NotificationView::of);
    }

    public long unreadCount(UUID userId) {
        return notifications.countByUserIdAndReadAtIsNull(userId);
    }

    /** Marks one of the caller's notifications read; another user's is 404. Idempotent. */
    @Transactional
    public NotificationView markRead(UUID userId, UUID id) {
        Notification n =
                notifications.findByIdAndUserId(id, userId).orElseThrow(() -> NotFoundException.of("Notification"));
        n.markRead(clock.instant());
        return NotificationView.of(notifications.saveAndFlush(n));
    }

    @Transactional
    public int markAllRead(UUID userId) {
        return notifications.markAllRead(userId, clock.instant());
    }
}
