package com.clinicrecords.analysis.persistence;

import com.clinicrecords.analysis.domain.ServiceClient;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceClientRepository extends JpaRepository<ServiceClient, UUID> {

    List<ServiceClient> findAllByOrderByCreatedAtAscIdAsc();

    /** Active clients that want new jobs pushed to a webhook. */
    @Query(
            "select c from ServiceClient c where c.status = com.clinicrecords.analysis.domain.ServiceClient.Status.ACTIVE "
                    + "and c.webhookUrl is not null")
    List<ServiceClient> findActiveWithWebhook();
}
