package com.clinicrecords.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.identity.domain.AccountService;
import com.clinicrecords.identity.domain.RegisterCommand;
import com.clinicrecords.patients.CareTeamTest;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Keyset (cursor) paging of the appointment list and the admin user list, through the API: a list walked to
 * its end by {@code nextCursor} has every row once, in order, also while newer rows arrive between the pages;
 * an altered cursor or one of another sort is a 400 Problem naming the field {@code cursor}.
 */
class KeysetPagingIntegrationTests extends CareTeamTest {

    @Autowired
    AccountService accounts;

    String admin;

    @BeforeEach
    void signInAdmin() {
        admin = fx.admin().accessToken();
    }

    @Test
    void shouldWalkTheAppointmentListToItsEndWhileNewerRowsArrive() {
        // a patient has at most 10 open appointments: the rows arriving meanwhile are patient B's
        fx.link(linked, patientB);
        AtomicInteger hour = new AtomicInteger();
        List<String> booked = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            booked.add(book(slot(30, i), patientA.patientId()));
        }
        String byDoctor = "/api/appointments?doctorId=" + linked.doctorId();
        List<String> newestFirst = ids(page(byDoctor + "&size=100&sort=createdAt,desc", admin));
        byDoctor += "&size=2";
        assertThat(newestFirst).containsExactlyInAnyOrderElementsOf(booked);

        // newest first: rows created while walking are newer than every cursor, so they never show up
        List<String> walked = walk(
                byDoctor + "&sort=createdAt,desc",
                admin,
                () -> book(slot(31, hour.getAndIncrement()), patientB.patientId()));
        assertThat(walked).containsExactlyElementsOf(newestFirst);

        // the doctor's own list (a union of scopes), by start: rows inserted before the position are not seen
        List<String> byStart = ids(page("/api/appointments?size=100", linked.token()));
        List<String> walkedByStart = walk(
                "/api/appointments?size=2",
                linked.token(),
                () -> book(slot(29, hour.getAndIncrement()), patientB.patientId()));
        assertThat(walkedByStart).containsExactlyElementsOf(byStart);

        // many ties (all BOOKED): the id breaks them, no row twice, none left out
        List<String> allByStatus =
                ids(page("/api/appointments?doctorId=" + linked.doctorId() + "&size=100&sort=status,desc", admin));
        List<String> byStatus = walk(byDoctor + "&sort=status,desc", admin, () -> {});
        assertThat(byStatus).doesNotHaveDuplicates().containsAll(booked).containsExactlyElementsOf(allByStatus);
    }

    @Test
    void shouldAnswerAnAlteredOrForeignCursorWithAProblem() {
        book(slot(33, 0), patientA.patientId());
        book(slot(33, 1), patientA.patientId());
        String list = "/api/appointments?doctorId=" + linked.doctorId() + "&size=1";
        String cursor = page(list, admin).path("nextCursor").asString();
        assertThat(cursor).isNotBlank();
        assertThat(page(list + "&cursor=" + cursor, admin).path("content").size())
                .isEqualTo(1);

        String altered = cursor.substring(0, 10) + (cursor.charAt(10) == 'A' ? 'B' : 'A') + cursor.substring(11);
        assertCursorProblem(api.get(list + "&cursor=" + altered).token(admin).send());
        assertCursorProblem(api.get(list + "&cursor=not-a-cursor").token(admin).send());
        assertCursorProblem(api.get(list + "&cursor=" + cursor.substring(0, cursor.length() - 3))
                .token(admin)
                .send());
        ApiResponse otherSort = api.get(list + "&sort=createdAt,desc&cursor=" + cursor)
                .token(admin)
                .send();
        assertCursorProblem(otherSort);
        assertThat(otherSort.raw()).contains("startsAt,asc");
        ApiResponse otherDirection = api.get(list + "&sort=startsAt,desc&cursor=" + cursor)
                .token(admin)
                .send();
        assertCursorProblem(otherDirection);
        String userCursor =
                page("/api/admin/users?size=1", admin).path("nextCursor").asString();
        assertCursorProblem(api.get(list + "&cursor=" + userCursor).token(admin).send());
        assertCursorProblem(api.get("/api/admin/users?size=1&sort=email&cursor=" + userCursor)
                .token(admin)
                .send());
        assertCursorProblem(
                api.get("/api/admin/users?size=1&cursor=" + cursor).token(admin).send());

        ApiResponse withPage =
                api.get(list + "&page=1&cursor=" + cursor).token(admin).send();
        assertThat(withPage.status()).as(withPage.toString()).isEqualTo(400);
        assertThat(withPage.text("type")).isEqualTo("/problems/validation-failed");
    }

    @Test
    void shouldWalkTheUserListToItsEndWhileNewerAccountsArrive() {
        String marker = "keyset-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(account(marker, i));
        }
        String list = "/api/admin/users?q=" + marker + "&size=2";
        AtomicInteger more = new AtomicInteger(100);

        // default order, newest first: accounts opened while walking never show up
        List<String> walked = walk(list, admin, () -> account(marker, more.getAndIncrement()));
        assertThat(walked).containsExactlyElementsOf(reversed(created));

        // all share a last name: the id breaks the ties; rows arriving meanwhile may show up, but none twice
        List<String> byLastName = walk(list + "&sort=lastName", admin, () -> account(marker, more.getAndIncrement()));
        assertThat(byLastName).doesNotHaveDuplicates().containsAll(created);

        List<String> byEmail = walk(list + "&sort=email,desc", admin, () -> {});
        assertThat(byEmail).doesNotHaveDuplicates().containsAll(created);
        assertThat(byEmail).hasSize(created.size() + more.get() - 100);

        JsonNode first = page(list, admin);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("totalElements").asLong()).isEqualTo(created.size() + more.get() - 100L);
        JsonNode second = page(list + "&cursor=" + first.path("nextCursor").asString(), admin);
        assertThat(second.path("page").isMissingNode())
                .as("no page number after a cursor")
                .isTrue();
        assertThat(second.path("totalElements").isMissingNode())
                .as("no count after a cursor")
                .isTrue();
    }

    /** Follows nextCursor from the first page to the last, running {@code between} after every page. */
    private List<String> walk(String list, String token, Runnable between) {
        List<String> ids = new ArrayList<>();
        JsonNode page = page(list, token);
        int pages = 1;
        while (true) {
            ids.addAll(ids(page));
            between.run();
            String next = page.path("nextCursor").asString();
            if (page.path("nextCursor").isMissingNode() || next.isBlank()) {
                return ids;
            }
            assertThat(++pages).as("pages of " + list).isLessThan(50);
            page = page(list + "&cursor=" + next, token);
        }
    }

    private JsonNode page(String path, String token) {
        ApiResponse response = api.get(path).token(token).send();
        assertThat(response.status()).as(path + " " + response).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(row -> ids.add(row.path("id").asString()));
        return ids;
    }

    private static void assertCursorProblem(ApiResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.text("type")).isEqualTo("/problems/validation-failed");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("cursor");
    }

    private String book(Instant start, UUID patientId) {
        Map<String, Object> body = new HashMap<>();
        body.put("doctorId", linked.doctorId().toString());
        body.put("patientId", patientId.toString());
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofMinutes(30)).toString());
        ApiResponse booked =
                api.post("/api/appointments").token(linked.token()).json(body).send();
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        return booked.text("id");
    }

    private static Instant slot(int daysAhead, int hour) {
        return Instant.now()
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofDays(daysAhead))
                .plus(Duration.ofHours(8 + hour));
    }

    private String account(String marker, int n) {
        return accounts.create(
                        new RegisterCommand(marker + "-" + n + "@example.test", TestUsers.PASSWORD, "Key", "Set", null),
                        List.of("PATIENT"))
                .getId()
                .toString();
    }

    private static List<String> reversed(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
