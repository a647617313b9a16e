package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.RoleRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admin commands on accounts: staff creation, roles, disable/enable and temporary passwords. */
@Service
public class UserAdminService {

    private final UserRepository users;
    private final RoleRepository roles;
    private final AuthSessionRepository sessions;
    private final AccountService accounts;
    private final TemporaryPasswords temporaryPasswords;
    private final PrivilegeGuard guard;
    private final SecurityEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    UserAdminService(
            UserRepository users,
            RoleRepository roles,
            AuthSessionRepository sessions,
            AccountService accounts,
            TemporaryPasswords temporaryPasswords,
            PrivilegeGuard guard,
            SecurityEvents events,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.accounts = accounts;
        this.temporaryPasswords = temporaryPasswords;
        this.guard = guard;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Opens an account with the given roles and emails it a temporary password. */
    @Transactional
    public UserView createStaff(AuthenticatedUser caller, CreateStaffCommand cmd) {
        guard.requireCanAssign(caller, existingRoles(cmd.roles()));
        // A throw-away random password satisfies the policy; it is replaced by the emailed temporary one.
        User user = accounts.create(
                new RegisterCommand(cmd.email(), OpaqueTokens.generate(), cmd.firstName(), cmd.lastName(), cmd.phone()),
                cmd.roles());
        temporaryPasswords.issue(user, "An account was opened for you at Clinic Records.");
        events.accountCreated(user.getId(), cmd.roles());
        return UserView.of(users.saveAndFlush(user));
    }

    @Transactional
    public UserView replaceRoles(AuthenticatedUser caller, UUID userId, Set<String> roleNames) {
        roles.lockByName(Roles.ADMIN);
        User user = find(userId);
        List<Role> newRoles = existingRoles(roleNames);
        guard.requireCanAssign(caller, user.getRoles());
        guard.requireCanAssign(caller, newRoles);
        boolean losesAdmin = user.roleNames().contains(Roles.ADMIN) && !roleNames.contains(Roles.ADMIN);
        if (losesAdmin && user.isActive()) {
            requireAnotherAdmin();
        }
        user.replaceRoles(new HashSet<>(newRoles), clock.instant());
        events.rolesChanged(userId, roleNames);
        return UserView.of(users.saveAndFlush(user));
    }

    /** Disables the account and ends all its sessions at once: its tokens stop working on the next call. */
    @Transactional
    public UserView disable(AuthenticatedUser caller, UUID userId) {
        if (caller.userId().equals(userId)) {
            throw new ConflictException("cannot-disable-self", "You cannot disable your own account");
        }
        roles.lockByName(Roles.ADMIN);
        User user = find(userId);
        guard.requireCanAssign(caller, user.getRoles());
        if (user.isActive() && user.roleNames().contains(Roles.ADMIN)) {
            requireAnotherAdmin();
        }
        Instant now = clock.instant();
        user.disable(now);
        UserView view = UserView.of(users.saveAndFlush(user));
        sessions.revokeAllForUser(userId, now, "ACCOUNT_DISABLED");
        events.accountDisabled(userId);
        publisher.publishEvent(new AccountDisabledEvent(userId, caller.userId()));
        return view;
    }

    @Transactional
    public UserView enable(AuthenticatedUser caller, UUID userId) {
        User user = find(userId);
        guard.requireCanAssign(caller, user.getRoles());
        user.enable(clock.instant());
        events.accountEnabled(userId);
        return UserView.of(users.saveAndFlush(user));
    }

    /** Replaces the password by an emailed temporary one and signs the account out everywhere. */
    @Transactional
    public void issueTemporaryPassword(AuthenticatedUser caller, UUID userId) {
        User user = find(userId);
        guard.requireCanAssign(caller, user.getRoles());
        temporaryPasswords.issue(user, "An administrator reset the password of your Clinic Records account.");
        users.saveAndFlush(user);
        sessions.revokeAllForUser(userId, clock.instant(), "TEMPORARY_PASSWORD");
        events.temporaryPasswordIssued(userId);
    }

    private User find(UUID userId) {
        return users.findWithRolesById(userId).orElseThrow(() -> NotFoundException.of("User"));
    }

    private List<Role> existingRoles(Set<String> names) {
        List<Role> found = roles.findByNameIn(names);
        if (found.size() != names.size()) {
            throw new InvalidFieldException("roles", "unknown role(s)");
        }
        return found;
    }

    private void requireAnotherAdmin() {
        if (users.countActiveWithRole(Roles.ADMIN) <= 1) {
            throw new ConflictException("last-admin", "At least one active administrator must remain");
        }
    }
}
