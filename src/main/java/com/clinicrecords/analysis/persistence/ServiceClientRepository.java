package com.clinicrecords.analysis.persistence;

import com.clinicrecords.analysis.domain.ServiceClient;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceClientRepository extends JpaRepository<ServiceClient, UUID> {

    List<ServiceClient> findAllByOrderByCreatedAtAscIdAsc();
}
