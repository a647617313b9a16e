package com.clinicrecords.identity.persistence;

import com.clinicrecords.identity.domain.Role;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RoleRepository extends JpaRepository<Role, UUID> {

    Optional<Role> findByName(String name);

    List<Role> findByNameIn(Collection<String> names);

    boolean existsByName(String name);

    @Query("select count(u) from User u join u.roles r where r.id = :roleId")
    long countUsersWithRole(@Param("roleId") UUID roleId);
}
