package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.Role;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
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

    @Query("select count(u) from User u join u.roles r where r.id = :roleId")
    long countUsersWithRole(@Param("roleId") UUID roleId);
}
