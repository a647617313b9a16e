package com.clinicrecords.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.clinicrecords.identity.persistence.CallerQueries;
import com.clinicrecords.identity.persistence.CallerQueries.CallerRow;
import com.clinicrecords.support.ApiResponse;
import com.clinicrecords.support.IntegrationTest;
import com.clinicrecords.support.TestUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An account's roles are kept in memory per account version ({@link CallerQueries}). Another instance of the
 * application is played by a second {@link CallerQueries} with its own memory over the same database: after a
 * change made through this instance's API, its very next lookup of the caller must see the change.
 */
class CallerRolesOnEveryInstanceIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private CallerQueries otherInstance;
    private TestUsers.Account admin;

    @BeforeEach
    void setUp() {
        otherInstance = new CallerQueries(jdbc);
        admin = users.admin();
    }

    @Test
    void shouldSeeRolesReplacedElsewhereOnTheNextLookup() {
        TestUsers.Account account = users.patient();
        UUID session = sessionOf(account);
        assertThat(caller(account, session).roles()).containsExactly("PATIENT");
        // now from memory: the same answer
        assertThat(caller(account, session).roles()).containsExactly("PATIENT");

        replaceRoles(account, "DOCTOR");
        CallerRow doctor = caller(account, session);
        assertThat(doctor.roles()).containsExactly("DOCTOR");
        assertThat(doctor.permissions()).contains("patients:care");

        replaceRoles(account, "PATIENT");
        CallerRow patient = caller(account, session);
        assertThat(patient.roles()).containsExactly("PATIENT");
        assertThat(patient.permissions()).doesNotContain("patients:care");
    }

    @Test
    void shouldSeeAChangeOfWhatARolePermitsOnTheNextLookup() {
        String name = AdminRolesIntegrationTests.uniqueName("ROLE_CACHE");
        ApiResponse created = api.post("/api/admin/roles")
                .token(admin.accessToken())
                .json(Map.of("name", name, "description", "test", "permissions", List.of("users:read")))
                .send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        TestUsers.Account member = users.withRoles(name);
        UUID session = sessionOf(member);
        assertThat(caller(member, session).permissions()).containsExactly("users:read");
        assertThat(caller(member, session).permissions()).containsExactly("users:read");

        ApiResponse changed = api.put("/api/admin/roles/" + created.text("id"))
                .token(admin.accessToken())
                .json(Map.of("description", "changed", "permissions", List.of("appointments:book")))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(caller(member, session).permissions()).containsExactly("appointments:book");
    }

    @Test
    void shouldSeeLogoutAndDisablingElsewhereOnTheNextLookup() {
        TestUsers.Account account = users.patient();
        UUID session = sessionOf(account);
        assertThat(caller(account, session).status()).isEqualTo("ACTIVE");
        ApiResponse disabled = api.post("/api/admin/users/" + account.id() + "/disable")
                .token(admin.accessToken())
                .send();
        assertThat(disabled.status()).as(disabled.toString()).isIn(200, 204);
        CallerRow after = caller(account, session);
        assertThat(after.status()).isEqualTo("DISABLED");
        assertThat(after.revokedAt()).isNotNull();
    }

    @Test
    void shouldNotAnswerForASessionOfAnotherAccountFromMemory() {
        TestUsers.Account one = users.patient();
        TestUsers.Account other = users.doctor();
        caller(one, sessionOf(one));
        // a token naming `one` with `other`'s session: the row read names `other`, whose roles are then read
        CallerRow row = otherInstance.find(sessionOf(other), one.id()).orElseThrow();
        assertThat(row.userId()).isEqualTo(other.id());
        assertThat(row.roles()).containsExactly("DOCTOR");
    }

    private CallerRow caller(TestUsers.Account account, UUID session) {
        return otherInstance.find(session, account.id()).orElseThrow();
    }

    private void replaceRoles(TestUsers.Account account, String role) {
        ApiResponse changed = api.put("/api/admin/users/" + account.id() + "/roles")
                .token(admin.accessToken())
                .json(Map.of("roles", List.of(role)))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private UUID sessionOf(TestUsers.Account account) {
        return UUID.fromString(jdbc.queryForObject(
                "select id from auth_sessions where user_id = ? order by created_at desc limit 1",
                String.class,
                account.id().toString()));
    }
}
