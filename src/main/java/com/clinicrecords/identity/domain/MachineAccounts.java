package com.clinicrecords.identity.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.persistence.AuthSessionRepository;
import com.clinicrecords.identity.persistence.RoleRepository;
import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.identity.security.AccessTokenService;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts of machines (analysis service clients). Each is an ordinary users row with the ANALYSIS_SERVICE
 * role, so the token filter, session revocation and the audit trail treat it like any caller. It has no usable
 * password (a random one that nobody ever sees) and signs in only through the client-credentials grant, which
 * opens a session that ends with its single access token (no refresh token).
 */
@NamedInterface("api")
@Service
public class MachineAccounts {

    /** Synthetic, never deliverable addresses (RFC 2606 .invalid): machine accounts receive no email. */
    static final String EMAIL_DOMAIN = "@service-clients.invalid";

    private static final AuditResource SESSION = AuditResource.SESSION;

    private final UserRepository users;
    private final RoleRepository roles;
    private final AuthSessionRepository sessions;
    private final AccessTokenService accessTokens;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Clock clock;

    public MachineAccounts(
            UserRepository users,
            RoleRepository roles,
            AuthSessionRepository sessions,
            AccessTokenService accessTokens,
            PasswordEncoder passwordEncoder,
            AuditTrail audit,
            Clock clock) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.accessTokens = accessTokens;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates the ANALYSIS_SERVICE account of a new service client; returns its id (the client id). */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID createAnalysisServiceAccount(String name) {
        Instant now = clock.instant();
        User user = new User(
                "svc-" + UUID.randomUUID() + EMAIL_DOMAIN,
                "Service client",
                name,
                null,
                passwordEncoder.encode(OpaqueTokens.generate()),
                now);
        user.addRole(roles.findByName(Roles.ANALYSIS_SERVICE).orElseThrow(() -> new NotFoundException("Role")));
        User saved = users.saveAndFlush(user);
        audit.record(AuditEntry.allowed(AuditAction.ACCOUNT_CREATED, AuditResource.USER, saved.getId(), null)
                .withDetail("service client"));
        return saved.getId();
    }

    /**
     * A session that lives exactly as long as its one access token. The caller has already checked the
     * client's secret; the event is audited with the client as actor.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public IssuedAccessToken openSession(UUID userId, ClientInfo client) {
        User user = users.findById(userId).filter(User::isActive).orElseThrow(() -> new NotFoundException("User"));
        AuthSession session = sessions.save(new AuthSession(
                user.getId(),
                clock.instant(),
                java.time.Duration.ofSeconds(accessTokens.ttlSeconds()),
                client.userAgent(),
                client.ip()));
        audit.recordAs(
                userId,
                AuditEntry.allowed(AuditAction.LOGIN, SESSION, session.getId(), null)
                        .withDetail("client_credentials"));
        return new IssuedAccessToken(accessTokens.issue(user.getId(), session.getId()), accessTokens.ttlSeconds());
    }

    /** Ends every session of the account at once (secret rotated or client revoked). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endSessions(UUID userId, String reason) {
        sessions.revokeAllForUser(userId, clock.instant(), reason);
    }

    /** Disables the account and ends its sessions: its tokens stop working immediately. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void disable(UUID userId) {
        users.findById(userId).ifPresent(user -> {
            user.disable(clock.instant());
            users.saveAndFlush(user);
        });
        endSessions(userId, "CLIENT_REVOKED");
        audit.record(AuditEntry.allowed(AuditAction.ACCOUNT_DISABLED, AuditResource.USER, userId, null)
                .withDetail("service client revoked"));
    }

    /** An access token without a refresh token (client-credentials grant, RFC 6749 section 4.4.3). */
    @NamedInterface("api")
    public record IssuedAccessToken(String accessToken, long expiresInSeconds) {}
}
