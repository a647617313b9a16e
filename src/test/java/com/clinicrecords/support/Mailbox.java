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
import org.awaitility.Awaitility;

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
        Awaitility.await()
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> to(recipient).size() >= count);
        List<MimeMessage> found = to(recipient);
        assertThat(found).as("emails to %s", recipient).hasSize(count);
        return found;
    }

    /**
     * Checks that the address keeps exactly {@code count} emails for {@code quiet} (nothing more arrives), for
     * tests that prove something is sent once or not at all.
     */
    public static void assertStays(String recipient, int count, Duration quiet) {
        Awaitility.await()
                .during(quiet)
                .atMost(quiet.plusSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> to(recipient).size() == count);
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

    private static boolean isTo(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
