package com.clinicrecords.imaging.domain;

import com.clinicrecords.audit.domain.AuditAction;
import com.clinicrecords.audit.domain.AuditEntry;
import com.clinicrecords.audit.domain.AuditTrail;
import com.clinicrecords.imaging.persistence.ImageListQueries;
import com.clinicrecords.shared.domain.CursorPageView;
import com.clinicrecords.shared.domain.ForbiddenException;
import com.clinicrecords.shared.security.AuthenticatedUser;
import com.clinicrecords.shared.security.Permissions;
import com.clinicrecords.shared.security.Roles;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * Image search across patients, newest first: admins over every live patient, doctors over their linked
 * patients only (another patient's id simply finds nothing). Each patient whose images are shown is audited.
 * Totals are counted up to {@link CursorPageView#TOTAL_CAP} (see ImageListQueries).
 */
@Service
public class ImageSearch {

    private final ImageListQueries images;
    private final AuditTrail audit;

    public ImageSearch(ImageListQueries images, AuditTrail audit) {
        this.images = images;
        this.audit = audit;
    }

    public record Criteria(
            UUID patientId, ImageStatus status, String modality, String bodyPart, Instant from, Instant to) {}

    /**
     * Reads only: no transaction around them (a transaction cost its begin, commit and auto-commit round trips).
     * The audit rows of the patients shown are written as one batch.
     */
    public Page<ImageView> search(AuthenticatedUser me, Criteria c, int page, int size) {
        boolean doctor = me.hasRole(Roles.DOCTOR) && me.can(Permissions.PATIENTS_CARE);
        if (!me.isAdmin() && !doctor) {
            audit.recordDenied(AuditEntry.denied(AuditAction.LIST, ImageAccess.RESOURCE, null, c.patientId()));
            throw new ForbiddenException("image-search-not-allowed", "Only doctors and admins may search images");
        }
        // newest first: ImageListQueries orders by upload time and id
        PageRequest request = PageRequest.of(page, size);
        ImageListQueries.Filter filter = new ImageListQueries.Filter(
                me.isAdmin() ? null : me.userId(),
                c.patientId(),
                c.status(),
                blankToNull(c.modality()),
                blankToNull(c.bodyPart()),
                c.from(),
                c.to());
        ImageListQueries.Rows rows = images.page(filter, request.getOffset(), size);
        long total = CursorPageView.total(
                request.getOffset(), rows.content().size(), rows.more(), () -> images.count(filter));
        Page<ImageView> result = new PageImpl<>(rows.content(), request, total);
        Set<UUID> patients = new LinkedHashSet<>();
        result.forEach(v -> patients.add(v.patientId()));
        audit.recordAll(patients.stream()
                .map(p -> AuditEntry.allowed(AuditAction.LIST, ImageAccess.RESOURCE, null, p)
                        .withDetail("image search"))
                .toList());
        return result;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
