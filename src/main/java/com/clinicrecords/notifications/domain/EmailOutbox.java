package com.clinicrecords.notifications.domain;

import com.clinicrecords.notifications.persistence.EmailOutboxRepository;
import java.time.Clock;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The way every module sends email. {@link #enqueue} only writes a row in the caller's transaction; the
 * {@link EmailRelay} sends it after commit. So a rolled-back action never sends mail, and an SMTP outage
 * never fails a user's action. Bodies must not contain medical details.
 */
@NamedInterface("api")
@Service
public class EmailOutbox {

    private final EmailOutboxRepository outbox;
    private final Clock clock;

    public EmailOutbox(EmailOutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Queues a plain-text email; joins the caller's transaction (one is required). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String to, String subject, String body) {
        outbox.save(new OutboxEmail(to, subject, body, false, clock.instant()));
    }

    /**
     * Like {@link #enqueue}, for a body that carries a one-time secret (reset or verification code, temporary
     * password): the row's body is blanked as soon as the email is sent or given up, so the secret does not
     * stay in the table in clear text.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueueSecret(String to, String subject, String body) {
        outbox.save(new OutboxEmail(to, subject, body, true, clock.instant()));
    }
}
