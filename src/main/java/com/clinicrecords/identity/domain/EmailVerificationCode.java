package com.clinicrecords.identity.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The pending email-verification code of one user, as a keyed hash, bound to the address it went to. */
@Entity
@Table(name = "email_verification_codes")
public class EmailVerificationCode {

    @Id
    private UUID userId;

    private String email;
    private String codeHash;
    private Instant createdAt;
    private Instant expiresAt;
    private int attempts;

    protected EmailVerificationCode() {}

    EmailVerificationCode(UUID userId, String email, String codeHash, Instant now, Instant expiresAt) {
        this.userId = userId;
        this.email = email;
        this.codeHash = codeHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Usable while unexpired, not burned by too many wrong guesses, and the address is still the same. */
    boolean isUsableFor(String currentEmail, Instant now, int maxAttempts) {
        return email.equals(currentEmail) && now.isBefore(expiresAt) && attempts < maxAttempts;
    }

    /** Counts a wrong guess; returns the number of wrong guesses so far. */
    int recordWrongGuess() {
        return ++attempts;
    }

    public UUID getUserId() {
        return userId;
    }

    public String getCodeHash() {
        return codeHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
