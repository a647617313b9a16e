package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.User;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends JpaRepository<User, UUID> {

    /** Looks up by the normalised (trimmed, lower-case) email. */
    @EntityGraph(attributePaths = "roles")
    Optional<User> findByEmail(String email);

    /** Looks up by the canonical email (NFKC_Casefold, binary comparison): sign-in and password reset. */
    @EntityGraph(attributePaths = "roles")
    Optional<User> findByEmailCanonical(String emailCanonical);

    /** Locks the account row found by canonical email (no roles loaded). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.emailCanonical = :canonical")
    Optional<User> lockByEmailCanonical(@Param("canonical") String canonical);

    boolean existsByEmailCanonical(String emailCanonical);

    @EntityGraph(attributePaths = "roles")
    @Query("select u from User u where u.id = :id")
    Optional<User> findWithRolesById(@Param("id") UUID id);

    /** Locks the account row (no roles loaded) to serialise per-account security operations. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from User u where u.email = :email")
    Optional<User> lockByEmail(@Param("email") String email);

    /** Looks up by the E.164 phone number. */
    @EntityGraph(attributePaths = "roles")
    Optional<User> findByPhone(String phone);

    boolean existsByEmail(String email);

    boolean existsByPhone(String phone);

    @Query("select count(u) > 0 from User u join u.roles r where r.name = :role")
    boolean existsWithRole(@Param("role") String role);

    @Query("select count(u) from User u join u.roles r where r.name = :role "
            + "and u.status = com.clinicrecords.identity.domain.UserStatus.ACTIVE")
    long countActiveWithRole(@Param("role") String role);
}
