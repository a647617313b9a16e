package com.clinicrecords.shared.persistence;

import com.clinicrecords.shared.domain.CursorPageView;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The total of a list that can hold millions of rows: the rows a statement selects, counted only up to
 * {@link CursorPageView#TOTAL_CAP} (the database stops reading there).
 */
public final class CappedCount {

    private CappedCount() {}

    /** {@code selectRows}: a select of the list's ids with its filters, without order or limit. */
    public static long of(JdbcTemplate jdbc, CharSequence selectRows, List<Object> args) {
        List<Object> all = new ArrayList<>(args);
        all.add(CursorPageView.TOTAL_CAP);
        Long total =
                jdbc.queryForObject("select count(*) from (" + selectRows + " limit ?) c", Long.class, all.toArray());
        return total == null ? 0 : Math.min(total, CursorPageView.TOTAL_CAP);
    }
}
