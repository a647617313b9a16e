package com.clinicrecords.appointments.domain;

import com.clinicrecords.shared.domain.PageCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.domain.Sort;

/**
 * Cursors of the appointment list: the sort ({@code startsAt,asc} ...), the sort value of the last row of a
 * page and its id. A cursor only continues the sort it was issued for.
 */
final class AppointmentCursors {

    private AppointmentCursors() {}

    /** The cursor of the page after {@code last}. */
    static String encode(Sort sort, AppointmentView last) {
        Sort.Order order = first(sort);
        String value = switch (order.getProperty()) {
            case "endsAt" -> last.endsAt().toString();
            case "createdAt" -> last.createdAt().toString();
            case "status" -> last.status().name();
            default -> last.startsAt().toString();
        };
        return PageCursor.encode(label(order), value, last.id().toString());
    }

    /** {@code [sort value, id]} bound as they are stored; 400 on a cursor of another sort or list. */
    static Object[] decode(String cursor, Sort sort) {
        Sort.Order order = first(sort);
        PageCursor decoded = PageCursor.decode(cursor, label(order), 2);
        try {
            Object value = switch (order.getProperty()) {
                case "status" ->
                    AppointmentStatus.valueOf(decoded.keys().get(0)).name();
                default -> Instant.parse(decoded.keys().get(0));
            };
            return new Object[] {value, UUID.fromString(decoded.keys().get(1)).toString()};
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw PageCursor.invalid("is not a cursor of this list");
        }
    }

    private static Sort.Order first(Sort sort) {
        return sort.iterator().next();
    }

    private static String label(Sort.Order order) {
        return order.getProperty() + "," + order.getDirection().name().toLowerCase(Locale.ROOT);
    }
}
