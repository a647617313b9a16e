package com.clinicrecords.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the application actually sent to the test SMTP server. */
public final class Mailbox {

    private Mailbox() {}

    public static List<MimeMessage> to(String recipient) {
        return Arrays.stream(TestMail.get().getReceivedMessages())
                .filter(m -> isTo(m, recipient))
                .toList();
    }

    /** Waits (the outbox relay runs in the background) until exactly {@code count} emails reached the address. */
    public static List<MimeMessage> await(String recipient, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> found = to(recipient);
        while (found.size() < count && System.nanoTime() < deadline) {
            sleep(100);
            found = to(recipient);
        }
        assertThat(found).as("emails to %s", recipient).hasSize(count);
        return found;
    }

    /** The single latest email's body, waiting for the {@code count}-th email to arrive. */
    public static String awaitBody(String recipient, int count) {
        List<MimeMessage> messages = await(recipient, count, Duration.ofSeconds(15));
        return body(messages.get(messages.size() - 1));
    }

    /** The decoded text of a plain-text email. */
    public static String body(MimeMessage message) {
        try {
            return String.valueOf(message.getContent()).replace("\r\n", "\n");
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Extracts the first match of group 1 of {@code regex} from a body. */
    public static String extract(String body, String regex) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertThat(m.find()).as("%s in %s", regex, body).isTrue();
        return m.group(1);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
