package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.RoleRepository;
import com.clinicrecords.shared.domain.ConflictException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Custom roles built from the fixed permission list. Built-in roles are read-only here. */
@Service
public class RoleAdminService {

    private final RoleRepository roles;
    private final PrivilegeGuard guard;
    private final SecurityEvents events;
    private final Clock clock;

    RoleAdminService(RoleRepository roles, PrivilegeGuard guard, SecurityEvents events, Clock clock) {
        this.roles = roles;
        this.guard = guard;
        this.events = events;
        this.clock = clock;
    }

    /** One statement, no transaction: the list endpoint stays within its round-trip budget. */
    public List<RoleView> list() {
        return roles.findAllWithPermissions().stream().map(RoleView::of).toList();
    }

    public List<String> permissions() {
        return Permissions.ALL.stream().sorted().toList();
    }

    @Transactional
    public RoleView create(AuthenticatedUser caller, String name, String description, Set<String> permissions) {
        guard.requireKnownPermissions(permissions);
        guard.requireCanGrant(caller, permissions);
        if (roles.existsByName(name)) {
            throw new ConflictException("role-name-taken", "A role with this name already exists");
        }
        Role role = roles.saveAndFlush(new Role(name, description, permissions, clock.instant()));
        events.roleDefinitionChanged("created", role.getId(), name, permissions);
        return RoleView.of(role);
    }

    @Transactional
    public RoleView update(AuthenticatedUser caller, UUID id, String description, Set<String> permissions) {
        Role role = editable(id);
        guard.requireKnownPermissions(permissions);
        guard.requireCanGrant(caller, role.getPermissions());
        guard.requireCanGrant(caller, permissions);
        role.update(description, permissions);
        events.roleDefinitionChanged("updated", id, role.getName(), permissions);
        Role saved = roles.saveAndFlush(role);
        // holders read their roles again on their next request, on every instance (see CallerQueries)
        roles.touchHolders(id.toString());
        return RoleView.of(saved);
    }

    @Transactional
    public void delete(AuthenticatedUser caller, UUID id) {
        Role role = editable(id);
        guard.requireCanGrant(caller, role.getPermissions());
        long holders = roles.countUsersWithRole(id);
        if (holders > 0) {
            throw new ConflictException(
                    "role-in-use",
                    "The role is still assigned to " + holders + " user(s); remove it from them first",
                    Map.of("userCount", holders));
        }
        roles.delete(role);
        events.roleDefinitionChanged("deleted", id, role.getName(), role.getPermissions());
    }

    private Role editable(UUID id) {
        Role role = roles.findById(id).orElseThrow(() -> NotFoundException.of("Role"));
        if (role.isBuiltIn()) {
            throw new ConflictException("built-in-role", "Built-in roles cannot be changed or deleted");
        }
        return role;
    }
}
