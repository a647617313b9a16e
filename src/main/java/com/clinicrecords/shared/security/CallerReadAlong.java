package com.clinicrecords.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A read that rides along with the statement resolving the caller of a GET request, so that the hottest reads
 * cost the database one round trip instead of two. A module contributes a bean; before the caller of a GET
 * request is resolved, the identity module asks the contributors, and when the caller's account is in memory
 * (its statement is then the session joined with its account by primary keys) it adds the read's columns and
 * joins to that statement. The value read is handed to the request only once the caller has been accepted
 * ({@link #hand}); a refused caller's read is dropped. A caller resolved any other way reads nothing ahead, and
 * the module then reads for itself ({@link #take} is empty). Authorization is untouched: the value is the data
 * the module would have read a moment later in the same request, outside any transaction either way, and its
 * rules run on it as they would on its own read.
 *
 * <p>The contract of a {@link Shape}: left joins only (the caller's row comes back whatever they find), on
 * aliases other than {@code s} (the session) and {@code u} (its account), with every {@code ?} in the joins;
 * the reader returns a non-null value for every row (absence as an empty {@code Optional}).
 */
public interface CallerReadAlong {

    /** The read for this GET request by this caller (the user id its token names), or empty. */
    Optional<Read> readFor(HttpServletRequest request, UUID callerUserId);

    /**
     * One read: its shape, the parameters of its joins in order, and the reader of its columns.
     *
     * @param reader reads the shape's columns, the first at {@code firstColumn}, into the value handed over
     */
    record Read(Shape shape, List<Object> params, Reader reader) {

        public Read {
            params = List.copyOf(params);
        }
    }

    /**
     * What a read adds to the caller's statement: select-list columns and joins. Constant per kind of read, so
     * the composed statement is built once per shape.
     */
    record Shape(String columns, String joins) {}

    /** Reads the columns of one {@link Shape} from the caller's row. */
    @FunctionalInterface
    interface Reader {
        Object read(ResultSet rs, int firstColumn) throws SQLException;
    }

    /** Hands the value read along to the request whose caller was accepted. */
    static void hand(HttpServletRequest request, Object value) {
        request.setAttribute(ATTRIBUTE, value);
    }

    /**
     * The value read along with this request's caller if it is of this type and matches, at most once per
     * request: a later read in the same request goes to the database.
     */
    static <T> Optional<T> take(Class<T> type, Predicate<? super T> matches) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Optional.empty();
        }
        Object value = request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (!type.isInstance(value) || !matches.test(type.cast(value))) {
            return Optional.empty();
        }
        request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return Optional.of(type.cast(value));
    }

    /** The request attribute that carries the value read along. */
    String ATTRIBUTE = CallerReadAlong.class.getName();
}
