package com.clinicrecords.identity.web;

import com.clinicrecords.identity.domain.SessionService;
import com.clinicrecords.identity.domain.SessionView;
import com.clinicrecords.shared.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me/sessions")
@Tag(name = "My account")
class MySessionsController {

    private final SessionService sessions;

    MySessionsController(SessionService sessions) {
        this.sessions = sessions;
    }

    @Operation(summary = "Where I am signed in")
    @GetMapping
    List<SessionView> list(@AuthenticationPrincipal AuthenticatedUser me) {
        return sessions.list(me.userId(), me.sessionId());
    }

    @Operation(summary = "End one of my sessions")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal AuthenticatedUser me, @PathVariable UUID id) {
        sessions.revoke(me.userId(), id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "End all my sessions except this one")
    @DeleteMapping
    ResponseEntity<Void> revokeOthers(@AuthenticationPrincipal AuthenticatedUser me) {
        sessions.revokeOthers(me.userId(), me.sessionId());
        return ResponseEntity.noContent().build();
    }
}
