package com.clinicrecords.identity.domain;

import com.clinicrecords.shared.persistence.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@Entity
@Table(name = "users")
public class User extends AssignedIdEntity<UUID> {

    @Id
    private UUID id;

    private String email;
    // NFKC_Casefold of the email, binary-collated and unique: the key sign-in and reset look accounts up by.
    private String emailCanonical;
    private String phone;
    private String firstName;
    private String lastName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(16)")
    private UserStatus status;

    private boolean emailVerified;
    private boolean passwordChangeRequired;
    private Instant tempPasswordExpiresAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "user_roles",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new HashSet<>();

    protected User() {}

    public User(String email, String firstName, String lastName, String phone, String passwordHash, Instant now) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.emailCanonical = EmailAddresses.canonical(email);
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.passwordHash = passwordHash;
        this.status = UserStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** An account opened by private self-registration: it signs in once its email address is confirmed. */
    public static User pending(
            String email, String firstName, String lastName, String phone, String hash, Instant now) {
        User user = new User(email, firstName, lastName, phone, hash, now);
        user.status = UserStatus.PENDING;
        return user;
    }

    public boolean isPending() {
        return status == UserStatus.PENDING;
    }

    /** Someone registered a still-pending address again: their password and names replace the earlier ones. */
    public void replacePendingRegistration(String firstName, String lastName, String hash, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.passwordHash = hash;
        this.updatedAt = now;
    }

    /** The confirmed code proves the address: verified, and a pending account becomes active. */
    public void confirmEmail(Instant now) {
        this.emailVerified = true;
        if (status == UserStatus.PENDING) {
            this.status = UserStatus.ACTIVE;
        }
        this.updatedAt = now;
    }

    /** A change of address confirmed with the code sent to the new address: verified from now on. */
    public void changeVerifiedEmail(String email, Instant now) {
        this.email = email;
        this.emailCanonical = EmailAddresses.canonical(email);
        this.emailVerified = true;
        this.updatedAt = now;
    }

    public void updateProfile(String firstName, String lastName, String phone, Instant now) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
        this.updatedAt = now;
    }

    public void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangeRequired = false;
        this.tempPasswordExpiresAt = null;
        this.updatedAt = now;
    }

    /** A temporary password must be replaced before the account can do anything else, and it expires. */
    public void setTemporaryPassword(String hash, Instant expiresAt, Instant now) {
        this.passwordHash = hash;
        this.passwordChangeRequired = true;
        this.tempPasswordExpiresAt = expiresAt;
        this.updatedAt = now;
    }

    /** True while a temporary password is set whose lifetime is over: it must no longer sign anyone in. */
    public boolean isTemporaryPasswordExpired(Instant now) {
        return passwordChangeRequired && tempPasswordExpiresAt != null && !now.isBefore(tempPasswordExpiresAt);
    }

    public void markEmailVerified(Instant now) {
        this.emailVerified = true;
        this.updatedAt = now;
    }

    public void changeEmail(String email, Instant now) {
        this.email = email;
        this.emailCanonical = EmailAddresses.canonical(email);
        this.emailVerified = false;
        this.updatedAt = now;
    }

    public void disable(Instant now) {
        this.status = UserStatus.DISABLED;
        this.updatedAt = now;
    }

    public void enable(Instant now) {
        this.status = UserStatus.ACTIVE;
        this.updatedAt = now;
    }

    public void replaceRoles(Set<Role> newRoles, Instant now) {
        this.roles.clear();
        this.roles.addAll(newRoles);
        this.updatedAt = now;
    }

    public void addRole(Role role) {
        this.roles.add(role);
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public Set<String> roleNames() {
        return roles.stream().map(Role::getName).collect(Collectors.toUnmodifiableSet());
    }

    public Set<String> permissions() {
        return roles.stream().flatMap(r -> r.getPermissions().stream()).collect(Collectors.toUnmodifiableSet());
    }

    public UUID getId() {
        return id;
    }

    public String getEmailCanonical() {
        return emailCanonical;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public UserStatus getStatus() {
        return status;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public Instant getTempPasswordExpiresAt() {
        return tempPasswordExpiresAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public Set<Role> getRoles() {
        return roles;
    }
}
