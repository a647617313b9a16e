package com.clinicrecords.news.persistence;

import com.clinicrecords.news.domain.NewsItem;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NewsRepository extends JpaRepository<NewsItem, UUID> {

    /** Published items, newest first (id breaks ties so pages are stable). */
    @Query(
            value = "select n from NewsItem n where n.publishedAt is not null order by n.publishedAt desc, n.id desc",
            countQuery = "select count(n) from NewsItem n where n.publishedAt is not null")
    Page<NewsItem> findPublished(Pageable pageable);

    @Query("select n from NewsItem n where n.id = :id and n.publishedAt is not null")
    Optional<NewsItem> findPublished(@Param("id") UUID id);

    /** Every item, drafts first, then by publication date, newest first. */
    @Query(
            value = "select n from NewsItem n order by case when n.publishedAt is null then 0 else 1 end, "
                    + "n.publishedAt desc, n.createdAt desc, n.id desc",
            countQuery = "select count(n) from NewsItem n")
    Page<NewsItem> findAllForAdmin(Pageable pageable);
}
