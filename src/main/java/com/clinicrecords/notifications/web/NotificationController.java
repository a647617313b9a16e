package com.clinicrecords.notifications.web;

import com.clinicrecords.notifications.domain.NotificationInbox;
import com.clinicrecords.notifications.domain.NotificationView;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.web.PageRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "The signed-in user's own in-app notifications")
class NotificationController {

    private final NotificationInbox inbox;

    NotificationController(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @Operation(summary = "Own notifications, newest first (size <= 100)")
    @GetMapping
    PageView<NotificationView> list(
            @AuthenticationPrincipal AuthenticatedUser me,
            @RequestParam(defaultValue = "false") boolean unreadOnly,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return inbox.list(me.userId(), unreadOnly, PageRequests.of(page, size, Sort.unsorted()));
    }

    @Operation(summary = "Number of own unread notifications")
    @GetMapping("/unread-count")
    Map<String, Long> unreadCount(@AuthenticationPrincipal AuthenticatedUser me) {
        return Map.of("unread", inbox.unreadCount(me.userId()));
    }

    @Operation(summary = "Mark one own notification read (someone else's: 404)")
    @PostMapping("/{id}/read")
    NotificationView markRead(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        return inbox.markRead(me.userId(), id);
    }

    @Operation(summary = "Mark all own notifications read; returns how many changed")
    @PostMapping("/read-all")
    Map<String, Integer> markAllRead(@AuthenticationPrincipal AuthenticatedUser me) {
        return Map.of("marked", inbox.markAllRead(me.userId()));
    }
}
