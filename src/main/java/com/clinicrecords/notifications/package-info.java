/**
 * Notifications: in-app notifications, the email outbox and its relay. Other modules notify through {@code InAppNotifications} and {@code EmailOutbox}.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"shared"})
package com.clinicrecords.notifications;

import org.springframework.modulith.ApplicationModule;
