package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.Role;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RoleRepository extends JpaRepository<Role, UUID> {

    Optional<Role> findByName(String name);

    /** Every role with its permissions, by name, in one statement (no transaction needed around it). */
    @Query("select distinct r from Role r left join fetch r.permissions order by r.name")
    List<Role> findAllWithPermissions();

    List<Role> findByNameIn(Collection<String> names);

    boolean existsByName(String name);

    /** Locks a role row; used to serialise changes that must keep at least one active admin. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Role r where r.name = :name")
    Optional<Role> lockByName(@Param("name") String name);

    /**
     * Raises the version of every account holding the role, in the caller's transaction: an account's roles and
     * permissions are kept in memory per account version ({@link CallerQueries}), so a change of what a role
     * permits must move the version of each holder for every instance to read them again on its next request.
     * (An edit of such an account running at the same moment gets the usual 409 and can be retried.)
     */
    @Modifying
    @Query(
            value = "update users u join user_roles ur on ur.user_id = u.id set u.version = u.version + 1 "
                    + "where ur.role_id = :roleId",
            nativeQuery = true)
    int touchHolders(@Param("roleId") String roleId);

    @Query("select count(u) from User u join u.roles r where r.id = :roleId")
    long countUsersWithRole(@Param("roleId") UUID roleId);
}
