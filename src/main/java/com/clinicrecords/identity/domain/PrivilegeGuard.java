package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Stops privilege escalation through the admin API (OWASP API5): apart from ADMIN, nobody can grant,
 * assign, revoke or act on a role holding permissions they do not hold themselves, and only ADMIN can
 * touch the ADMIN role.
 */
@Component
class PrivilegeGuard {

    void requireKnownPermissions(Collection<String> permissions) {
        List<String> unknown = permissions.stream()
                .filter(p -> !Permissions.ALL.contains(p))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidFieldException("permissions", "unknown permission(s): " + String.join(", ", unknown));
        }
    }

    void requireCanGrant(AuthenticatedUser caller, Collection<String> permissions) {
        if (!caller.isAdmin() && !caller.permissions().containsAll(permissions)) {
            throw new ForbiddenException(
                    "privilege-escalation", "You cannot grant or manage permissions you do not hold yourself");
        }
    }

    void requireCanAssign(AuthenticatedUser caller, Collection<Role> roles) {
        if (caller.isAdmin()) {
            return;
        }
        for (Role role : roles) {
            if (Roles.ADMIN.equals(role.getName())) {
                throw new ForbiddenException("privilege-escalation", "Only an administrator can manage the ADMIN role");
            }
            requireCanGrant(caller, role.getPermissions());
        }
    }
}
