package com.clinicrecords.identity;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.domain.User;
import com.clinicrecords.identity.domain.UserStatus;
import com.clinicrecords.identity.persistence.RoleRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.NotFoundException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may ask of or tell the identity module about accounts. The user entity and its repositories
 * stay inside identity; callers get {@link Account} records. The writes join the caller's transaction, so a
 * doctor profile and its role grant commit together.
 */
@NamedInterface("api")
@Service
public class IdentityApi {

    private final UserRepository users;
    private final RoleRepository roles;
    private final AuditTrail audit;
    private final Clock clock;

    IdentityApi(UserRepository users, RoleRepository roles, AuditTrail audit, Clock clock) {
        this.users = users;
        this.roles = roles;
        this.audit = audit;
        this.clock = clock;
    }

    /** The account, whatever its status; empty when there is none. */
    public Optional<Account> account(UUID userId) {
        return users.findById(userId).map(IdentityApi::toAccount);
    }

    /** The account with that id, or a 404 Problem naming a user. */
    public Account requireAccount(UUID userId) {
        return account(userId).orElseThrow(() -> NotFoundException.of("User"));
    }

    /**
     * Grants a built-in role if the account lacks it, audited as a role change. Returns whether it was granted
     * now (false: the account had it already). 404 when the account does not exist.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean grantRole(UUID userId, String role) {
        User user = users.findWithRolesById(userId).orElseThrow(() -> NotFoundException.of("User"));
        if (user.roleNames().contains(role)) {
            return false;
        }
        user.addRole(roles.findByName(role).orElseThrow(() -> NotFoundException.of("Role")));
        users.flush();
        audit.record(AuditEntry.allowed(AuditAction.ROLE_CHANGE, AuditResource.USER, userId, null)
                .withDetail("+" + role));
        return true;
    }

    /** Changes the names on an account (its phone stays). 404 when the account does not exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rename(UUID userId, String firstName, String lastName) {
        User user = users.findById(userId).orElseThrow(() -> NotFoundException.of("User"));
        user.updateProfile(firstName, lastName, user.getPhone(), clock.instant());
        users.saveAndFlush(user);
    }

    private static Account toAccount(User user) {
        return new Account(
                user.getId(),
                user.getEmail(),
                user.getFirstName(),
                user.getLastName(),
                user.getStatus() == UserStatus.ACTIVE);
    }
}
