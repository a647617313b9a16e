package com.clinicrecords.news.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.news.persistence.NewsRepository;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.domain.PreconditionFailedException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Clinic news: anyone reads what is published; admins (news:manage) write, publish, unpublish and delete. */
@Service
public class NewsService {

    private static final AuditResource RESOURCE = AuditResource.NEWS;

    private final NewsRepository news;
    private final AuditTrail audit;
    private final Clock clock;

    public NewsService(NewsRepository news, AuditTrail audit, Clock clock) {
        this.news = news;
        this.audit = audit;
        this.clock = clock;
    }

    // no transaction: page and count are each consistent by themselves (list round-trip budget)
    public PageView<NewsView> published(Pageable page) {
        return PageView.of(news.findPublished(page), NewsView::of);
    }

    /** A published item; drafts and unknown ids are both 404. */
    @Transactional(readOnly = true)
    public NewsView publishedItem(UUID id) {
        return NewsView.of(news.findPublished(id).orElseThrow(() -> NotFoundException.of("News")));
    }

    // no transaction: page and count are each consistent by themselves (list round-trip budget)
    public PageView<NewsView> all(Pageable page) {
        return PageView.of(news.findAllForAdmin(page), NewsView::of);
    }

    @Transactional(readOnly = true)
    public NewsView get(UUID id) {
        return NewsView.of(find(id));
    }

    @Transactional
    public NewsView create(UUID adminId, String title, String body, boolean publish) {
        NewsItem item = new NewsItem(title.trim(), body, adminId, clock.instant());
        if (publish) {
            item.publish(clock.instant());
        }
        news.saveAndFlush(item);
        audit.record(AuditEntry.allowed(AuditAction.CREATE, RESOURCE, item.getId(), null));
        return NewsView.of(item);
    }

    /** {@code expectedVersion} from If-Match, optional; a stale one is 412. */
    @Transactional
    public NewsView edit(UUID id, Long expectedVersion, String title, String body) {
        NewsItem item = find(id);
        requireVersion(item, expectedVersion);
        item.edit(title.trim(), body, clock.instant());
        news.saveAndFlush(item);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, id, null));
        return NewsView.of(item);
    }

    @Transactional
    public NewsView publish(UUID id) {
        NewsItem item = find(id);
        if (!item.isPublished()) {
            item.publish(clock.instant());
            news.saveAndFlush(item);
            audit.record(
                    AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, id, null).withDetail("published"));
        }
        return NewsView.of(item);
    }

    @Transactional
    public NewsView unpublish(UUID id) {
        NewsItem item = find(id);
        if (item.isPublished()) {
            item.unpublish(clock.instant());
            news.saveAndFlush(item);
            audit.record(
                    AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, id, null).withDetail("unpublished"));
        }
        return NewsView.of(item);
    }

    /** Deleting an item that is already gone is fine (204 again): the result is the same. */
    @Transactional
    public void delete(UUID id) {
        news.findById(id).ifPresent(item -> {
            news.delete(item);
            news.flush();
            audit.record(AuditEntry.allowed(AuditAction.DELETE, RESOURCE, id, null));
        });
    }

    private NewsItem find(UUID id) {
        return news.findById(id).orElseThrow(() -> NotFoundException.of("News"));
    }

    private static void requireVersion(NewsItem item, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != item.getVersion()) {
            throw new PreconditionFailedException("The news item was changed since you read it");
        }
    }
}
