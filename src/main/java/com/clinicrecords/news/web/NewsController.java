package com.clinicrecords.news.web;

import com.clinicrecords.news.domain.NewsService;
import com.clinicrecords.news.domain.NewsView;
import com.clinicrecords.shared.domain.PageView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.RequiresPermission;
import com.clinicrecords.shared.web.ETags;
import com.clinicrecords.shared.web.PageRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Clinic news", description = "Published news for everyone; drafts and publishing for admins")
class NewsController {

    private final NewsService news;

    NewsController(NewsService news) {
        this.news = news;
    }

    @Operation(summary = "Published news, newest first (no sign-in needed; size <= 100)")
    @GetMapping("/api/news")
    PageView<NewsView> published(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return news.published(PageRequests.of(page, size, Sort.unsorted()));
    }

    @Operation(summary = "One published news item (drafts are 404)")
    @GetMapping("/api/news/{id}")
    NewsView publishedItem(@PathVariable UUID id) {
        return news.publishedItem(id);
    }

    @Operation(summary = "All news items including drafts (news:manage)")
    @RequiresPermission(Permissions.NEWS_MANAGE)
    @GetMapping("/api/admin/news")
    PageView<NewsView> all(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return news.all(PageRequests.of(page, size, Sort.unsorted()));
    }

    @Operation(summary = "One news item, draft or published (news:manage)")
    @RequiresPermission(Permissions.NEWS_MANAGE)
    @GetMapping("/api/admin/news/{id}")
    ResponseEntity<NewsView> get(@PathVariable UUID id) {
        return withETag(news.get(id));
    }

    @Operation(summary = "Write a news item, as a draft unless publish is true (news:manage)")
    @RequiresPermission(Permissions.NEWS_MANAGE)
    @PostMapping("/api/admin/news")
    ResponseEntity<NewsView> create(
            @AuthenticationPrincipal AuthenticatedUser me, @Valid @RequestBody CreateNewsRequest body) {
        NewsView created = news.create(me.userId(), body.title(), body.body(), Boolean.TRUE.equals(body.publish()));
        return ResponseEntity.created(URI.create("/api/admin/news/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(created);
    }

    @Operation(summary = "Edit title and text (news:manage); If-Match optional, stale 412")
    @RequiresPermission(Permissions.NEWS_MANAGE)
    @PutMapping("/api/admin/news/{id}")
    ResponseEntity<NewsView> edit(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody EditNewsRequest body) {
        return withETag(news.edit(id, ETags.optionalVersion(ifMatch), body.title(), body.body()));
    }

    @Operation(summary = "Publish (news:manage); publishing again keeps the first date")
    @RequiresPermission(Permissions.NEWS_MANAGE)
    @PostMapping("/api/admin/news/{id}/publish")
    ResponseEntity<NewsView> publish(@PathVariable UUID id) {
        return withETag(news.publish(id));
    }

    @Operation(summary = "Unpublish: back to draft, hidden from /api/news (news:manage)")
    @RequiresPermission(Permissions.NEWS_MANAGE)
    @PostMapping("/api/admin/news/{id}/unpublish")
    ResponseEntity<NewsView> unpublish(@PathVariable UUID id) {
        return withETag(news.unpublish(id));
    }

    @Operation(summary = "Delete a news item (news:manage); deleting again is also 204")
    @RequiresPermission(Permissions.NEWS_MANAGE)
    @DeleteMapping("/api/admin/news/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        news.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<NewsView> withETag(NewsView view) {
        return ResponseEntity.ok().eTag(ETags.of(view.version())).body(view);
    }

    record CreateNewsRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body,
            Boolean publish) {}

    record EditNewsRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String body) {}
}
