package com.clinicrecords.analysis.domain;

import com.clinicrecords.analysis.domain.JobViews.ClientSettings;
import com.clinicrecords.analysis.domain.JobViews.IssuedCredentials;
import com.clinicrecords.analysis.domain.JobViews.ServiceClientView;
import com.clinicrecords.analysis.persistence.ServiceClientRepository;
import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditResource;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.identity.domain.ClientCredentialsGrant;
import com.clinicrecords.identity.domain.ClientInfo;
import com.clinicrecords.identity.domain.MachineAccounts;
import com.clinicrecords.identity.domain.MachineAccounts.IssuedAccessToken;
import com.clinicrecords.identity.domain.OpaqueTokens;
import com.clinicrecords.shared.domain.InvalidFieldException;
import com.clinicrecords.shared.domain.NotFoundException;
import com.clinicrecords.shared.domain.UnauthorizedException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Analysis service clients: created, reconfigured, rotated and revoked by admins; authenticated with the
 * client-credentials grant. Secrets are 256 random bits shown once; only their SHA-256 is kept.
 */
@Service
public class ServiceClients implements ClientCredentialsGrant {

    static final AuditResource RESOURCE = AuditResource.SERVICE_CLIENT;
    private static final String SECRET_PREFIX = "csk_";
    private static final String WEBHOOK_SECRET_PREFIX = "whsec_";

    private final ServiceClientRepository clients;
    private final MachineAccounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    public ServiceClients(ServiceClientRepository clients, MachineAccounts accounts, AuditTrail audit, Clock clock) {
        this.clients = clients;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public IssuedCredentials create(ClientSettings settings) {
        String name = settings.name().strip();
        UUID id = accounts.createAnalysisServiceAccount(name);
        String secret = SECRET_PREFIX + OpaqueTokens.generate();
        String webhookSecret = WEBHOOK_SECRET_PREFIX + OpaqueTokens.generate();
        ServiceClient client = clients.saveAndFlush(new ServiceClient(
                id,
                name,
                OpaqueTokens.sha256Hex(secret),
                modalities(settings.modalities()),
                webhookUrl(settings.webhookUrl()),
                webhookSecret,
                clock.instant()));
        audit.record(AuditEntry.allowed(AuditAction.CREATE, RESOURCE, id, null));
        return new IssuedCredentials(ServiceClientView.of(client), secret, webhookSecret);
    }

    /** One statement, no transaction: the list endpoint stays within its round-trip budget. */
    public List<ServiceClientView> list() {
        return clients.findAllByOrderByCreatedAtAscIdAsc().stream()
                .map(ServiceClientView::of)
                .toList();
    }

    @Transactional(readOnly = true)
    public ServiceClientView get(UUID id) {
        return ServiceClientView.of(find(id));
    }

    @Transactional
    public ServiceClientView update(UUID id, ClientSettings settings) {
        ServiceClient client = find(id);
        client.update(
                settings.name().strip(),
                modalities(settings.modalities()),
                webhookUrl(settings.webhookUrl()),
                clock.instant());
        clients.saveAndFlush(client);
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, id, null));
        return ServiceClientView.of(client);
    }

    /** New client and webhook secrets (shown once); the old secret and every token issued with it stop working. */
    @Transactional
    public IssuedCredentials rotate(UUID id) {
        ServiceClient client = find(id);
        if (!client.isActive()) {
            throw new NotFoundException("Service client");
        }
        String secret = SECRET_PREFIX + OpaqueTokens.generate();
        String webhookSecret = WEBHOOK_SECRET_PREFIX + OpaqueTokens.generate();
        client.rotate(OpaqueTokens.sha256Hex(secret), webhookSecret, clock.instant());
        clients.saveAndFlush(client);
        ServiceClientView view = ServiceClientView.of(client);
        accounts.endSessions(id, "SECRET_ROTATED");
        audit.record(AuditEntry.allowed(AuditAction.UPDATE, RESOURCE, id, null).withDetail("secret rotated"));
        return new IssuedCredentials(view, secret, webhookSecret);
    }

    /** Revokes for good (idempotent): tokens stop working at once, the account is disabled. */
    @Transactional
    public ServiceClientView revoke(UUID id) {
        ServiceClient client = find(id);
        if (client.isActive()) {
            client.revoke(clock.instant());
            clients.saveAndFlush(client);
            ServiceClientView view = ServiceClientView.of(client);
            accounts.disable(id);
            audit.record(
                    AuditEntry.allowed(AuditAction.DELETE, RESOURCE, id, null).withDetail("revoked"));
            return view;
        }
        return ServiceClientView.of(client);
    }

    /** The client-credentials grant: the same 401 for unknown, revoked and wrong-secret clients. */
    @Override
    @Transactional
    public IssuedAccessToken grant(String clientId, String clientSecret, ClientInfo info) {
        Optional<ServiceClient> client = parse(clientId).flatMap(clients::findById);
        boolean valid = client.map(c -> c.isActive()
                        && MessageDigest.isEqual(
                                c.getSecretHash().getBytes(StandardCharsets.US_ASCII),
                                OpaqueTokens.sha256Hex(clientSecret).getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
        if (!valid) {
            throw new UnauthorizedException("invalid-client", "Unknown client or wrong client secret");
        }
        return accounts.openSession(client.get().getId(), info);
    }

    /** The caller's active client record, if the caller is a service client. */
    @Transactional(readOnly = true)
    public Optional<ServiceClient> active(UUID userId) {
        return clients.findById(userId).filter(ServiceClient::isActive);
    }

    private ServiceClient find(UUID id) {
        return clients.findById(id).orElseThrow(() -> new NotFoundException("Service client"));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Set<String> modalities(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String m : requested) {
            if (m == null || !m.strip().matches("[A-Za-z0-9_-]{1,16}")) {
                throw new InvalidFieldException("modalities", "each modality must be 1-16 letters, digits, _ or -");
            }
            out.add(m.strip().toUpperCase(Locale.ROOT));
        }
        if (String.join(",", out).length() > 255) {
            throw new InvalidFieldException("modalities", "too many modalities");
        }
        return out;
    }

    /** An absolute http(s) URL without credentials; null or blank = no webhook. */
    private static String webhookUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null
                    || uri.getFragment() != null) {
                throw new InvalidFieldException("webhookUrl", "must be an absolute http(s) URL without credentials");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("webhookUrl", "must be an absolute http(s) URL without credentials");
        }
    }
}
