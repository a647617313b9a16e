package com.clinicrecords.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clinicrecords.shared.domain.BadRequestException;
import com.clinicrecords.shared.domain.ClinicException;
import com.clinicrecords.shared.domain.InvalidFieldException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

class PagingAndETagTests {

    @Test
    void shouldRejectPageSizesAboveTheCapInsteadOfClamping() {
        assertThat(PageRequests.of(null, null, Sort.unsorted()).getPageSize()).isEqualTo(20);
        assertThat(PageRequests.of(2, 100, Sort.unsorted()).getPageSize()).isEqualTo(100);
        assertThatThrownBy(() -> PageRequests.of(0, 101, Sort.unsorted())).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageRequests.of(0, 0, Sort.unsorted())).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageRequests.of(-1, 10, Sort.unsorted())).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void shouldAcceptOnlyAllowListedSortProperties() {
        Pageable p = PageRequests.of(0, 10, "startsAt,desc", Set.of("startsAt"), Sort.unsorted());
        assertThat(p.getSort().getOrderFor("startsAt").getDirection()).isEqualTo(Sort.Direction.DESC);
        assertThatThrownBy(() -> PageRequests.of(0, 10, "reason", Set.of("startsAt"), Sort.unsorted()))
                .isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> PageRequests.of(0, 10, "startsAt,sideways", Set.of("startsAt"), Sort.unsorted()))
                .isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void shouldParseIfMatchAndRequireIt() {
        assertThat(ETags.of(3)).isEqualTo("\"3\"");
        assertThat(ETags.requireVersion("\"3\"")).isEqualTo(3);
        assertThat(ETags.requireVersion("W/\"4\"")).isEqualTo(4);
        assertThatThrownBy(() -> ETags.requireVersion(null))
                .isInstanceOfSatisfying(
                        ClinicException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> ETags.requireVersion("\"x\"")).isInstanceOf(BadRequestException.class);
    }
}
