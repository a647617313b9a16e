package com.clinicrecords.news.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.clinicrecords.news.domain.NewsService;
import com.clinicrecords.news.domain.NewsView;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.PreconditionFailedException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The news endpoints alone (MockMvc, service mocked, security filters off: permissions are covered by the
 * authorization matrix): ETags out, If-Match in, and the service's exceptions as Problem Details.
 */
@WebMvcTest(NewsController.class)
@AutoConfigureMockMvc(addFilters = false)
class NewsControllerSliceTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    NewsService news;

    @Test
    void anItemCarriesItsVersionAsETag() throws Exception {
        UUID id = UUID.randomUUID();
        given(news.get(id)).willReturn(item(id, 3));
        mvc.perform(get("/api/admin/news/" + id))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.title").value("Opening hours"));
    }

    @Test
    void ifMatchReachesTheServiceAndAStaleVersionIs412() throws Exception {
        UUID id = UUID.randomUUID();
        given(news.edit(eq(id), eq(2L), any(), any()))
                .willThrow(new PreconditionFailedException("The news item was changed since you read it"));
        mvc.perform(put("/api/admin/news/" + id)
                        .header("If-Match", "\"2\"")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"New title\", \"body\": \"New text\"}"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(header().string("Content-Type", "application/problem+json"));
    }

    @Test
    void aDraftIsNotFoundOnThePublicRoute() throws Exception {
        UUID id = UUID.randomUUID();
        given(news.publishedItem(id)).willThrow(NotFoundException.of("News item"));
        mvc.perform(get("/api/news/" + id))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void aMalformedIdIsA400Problem() throws Exception {
        mvc.perform(get("/api/news/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"));
    }

    private static NewsView item(UUID id, long version) {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        return new NewsView(id, "Opening hours", "Open on Saturday", true, now, now, now, version);
    }
}
