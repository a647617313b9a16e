package com.clinicrecords.shared.persistence;

import com.clinicrecords.shared.domain.CursorPageView;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The totals of lists that can hold millions of rows: the rows a statement selects, counted only up to
 * {@link CursorPageView#TOTAL_CAP} (the database stops reading there).
 *
 * <p>A count that reaches the cap is remembered for {@code clinic.lists.capped-total-ttl} (10 s by default), per
 * statement and arguments, so paging through one search counts once instead of on every page. Counting up to
 * the cap reads 1,000 index entries, more than twice the database time of the page itself (a doctor's
 * appointments at the 2M benchmark scale: 1.0 ms against 0.4 ms). Only "at least 1,000" is remembered: a smaller
 * total is exact and counted again on every page, so a booking or a cancellation shows at once. A remembered
 * total can be stale only when a search that had 1,000 or more rows loses some of them within the TTL; the
 * page's rows are always read fresh, and the scope (the caller's ids) is among the arguments, so no caller
 * is answered with another caller's total. Not shared between instances (each counts for itself).
 */
@Component
public class CappedTotals {

    /** Bounded: a few hundred bytes per entry (the statement and its arguments). */
    static final int MAX_REMEMBERED = 5_000;

    private final JdbcTemplate jdbc;
    private final Cache<List<Object>, Boolean> atCap;

    @Autowired
    public CappedTotals(JdbcTemplate jdbc, @Value("${clinic.lists.capped-total-ttl:10s}") Duration ttl) {
        this(jdbc, ttl, Ticker.systemTicker());
    }

    CappedTotals(JdbcTemplate jdbc, Duration ttl, Ticker ticker) {
        this.jdbc = jdbc;
        this.atCap = Caffeine.newBuilder()
                .maximumSize(MAX_REMEMBERED)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .build();
    }

    /** {@code selectRows}: a select of the list's ids with its filters, without order or limit. */
    public long of(CharSequence selectRows, List<Object> args) {
        List<Object> all = new ArrayList<>(args);
        all.add(CursorPageView.TOTAL_CAP);
        return counted("select count(*) from (" + selectRows + " limit ?) c", all);
    }

    /** {@code countSql}: a statement that counts the rows of a list and stops at the cap by itself. */
    public long counted(String countSql, List<Object> args) {
        List<Object> key = new ArrayList<>(args.size() + 1);
        key.add(countSql);
        key.addAll(args);
        if (atCap.getIfPresent(key) != null) {
            return CursorPageView.TOTAL_CAP;
        }
        Long total = jdbc.queryForObject(countSql, Long.class, args.toArray());
        long capped = total == null ? 0 : Math.min(total, CursorPageView.TOTAL_CAP);
        if (capped >= CursorPageView.TOTAL_CAP) {
            atCap.put(key, Boolean.TRUE);
        }
        return capped;
    }
}
