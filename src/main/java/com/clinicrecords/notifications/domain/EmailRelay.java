package com.clinicrecords.notifications.domain;

import com.clinicrecords.notifications.persistence.EmailOutboxRepository;
import com.clinicrecords.shared.persistence.OutboxBatches;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox emails. Each email is handled in its own short transaction that locks the row
 * ({@code FOR UPDATE SKIP LOCKED}), sends it and marks it SENT before committing, so several application
 * instances can relay side by side without sending an email twice. Failures back off exponentially.
 */
@Component
public class EmailRelay {

    private static final Logger log = LoggerFactory.getLogger(EmailRelay.class);

    private final EmailOutboxRepository outbox;
    private final JavaMailSender mailSender;
    private final TransactionTemplate tx;
    private final MailProperties props;
    private final Clock clock;

    EmailRelay(
            EmailOutboxRepository outbox,
            JavaMailSender mailSender,
            TransactionTemplate tx,
            MailProperties props,
            Clock clock) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${clinic.mail.relay-interval:2s}",
            initialDelayString = "${clinic.mail.relay-interval:2s}")
    void scheduledRun() {
        try {
            relayDue();
        } catch (RuntimeException e) {
            log.warn("Email relay run failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Sends up to one batch of due emails; returns how many were delivered. */
    public int relayDue() {
        return OutboxBatches.relay(tx, props.batchSize(), this::relayOne);
    }

    /** null when nothing is due, else whether the email went out. */
    private Boolean relayOne() {
        Instant now = clock.instant();
        OutboxEmail email = outbox.lockNextDue(now).orElse(null);
        if (email == null) {
            return null;
        }
        try {
            mailSender.send(message(email));
            email.markSent(clock.instant());
            return true;
        } catch (MailException e) {
            // Only exception types are kept: messages may echo addresses or server replies.
            String error = e.getClass().getSimpleName()
                    + (e.getMostSpecificCause() != e
                            ? ": " + e.getMostSpecificCause().getClass().getSimpleName()
                            : "");
            email.markFailed(error, now, props.backoffAfter(email.getAttempts() + 1), props.maxAttempts());
            log.warn("Sending email {} failed (attempt {}): {}", email.getId(), email.getAttempts(), error);
            return false;
        }
    }

    private SimpleMailMessage message(OutboxEmail email) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(props.from());
        message.setTo(email.getRecipient());
        message.setSubject(email.getSubject());
        message.setText(email.getBody());
        return message;
    }
}
