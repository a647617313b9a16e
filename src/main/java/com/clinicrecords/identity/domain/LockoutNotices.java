package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import com.clinicrecords.identity.persistence.SharedRateLimits;
import com.clinicrecords.notifications.domain.EmailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells an account's owner by email (through the outbox) that sign-in to their account is paused because of
 * many failed attempts: at most once per {@code clinic.security.login-throttle.owner-notice-interval} across
 * all instances. Called outside any transaction; it opens its own short one for the outbox row.
 */
@Component
class LockoutNotices {

    private static final Logger log = LoggerFactory.getLogger(LockoutNotices.class);
    static final String SUBJECT = "Sign-in to your Clinic Records account was paused";

    private final SharedRateLimits limits;
    private final EmailOutbox outbox;
    private final TransactionTemplate tx;
    private final Limit oncePerInterval;

    LockoutNotices(
            SharedRateLimits limits, EmailOutbox outbox, TransactionTemplate tx, ThrottleProperties.Login props) {
        this.limits = limits;
        this.outbox = outbox;
        this.tx = tx;
        this.oncePerInterval = new Limit(1, props.ownerNoticeInterval());
    }

    void accountLimitReached(User user) {
        try {
            if (!limits.tryConsume("login-owner-notice", user.getId().toString(), oncePerInterval)
                    .isConsumed()) {
                return;
            }
            tx.executeWithoutResult(status -> outbox.enqueue(user.getEmail(), SUBJECT, """
                    There have been many failed attempts to sign in to your Clinic Records account, so signing \
                    in is paused for a while.

                    If this was you, wait a little and try again, or reset your password. If it was not you, \
                    your password has not been guessed; consider changing it to a long, unique one.
                    """));
        } catch (RuntimeException e) {
            log.warn("Could not queue the lock-out notice: {}", e.getClass().getSimpleName());
        }
    }
}
