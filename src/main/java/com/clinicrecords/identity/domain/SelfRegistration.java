package com.clinicrecords.identity.domain;

import org.springframework.stereotype.Component;

/**
 * The self-registration mode in force ({@code SELF_REGISTRATION=open|private|off}; {@code private} by default
 * with the {@code prod} profile). Held in a bean, not read from the environment on each call, so tests can
 * switch it within one application context.
 */
@Component
public class SelfRegistration {

    public enum Mode {
        /** Sign-up creates an active account at once; a taken email or phone is a 409. */
        OPEN,
        /**
         * Sign-up always answers 202 with the same body; new addresses get a code (the account signs in once it
         * is confirmed), addresses with an account get a notice instead.
         */
        PRIVATE,
        /** No self-registration: admins open accounts. */
        OFF
    }

    private volatile Mode mode;

    SelfRegistration(RegistrationProperties props) {
        this.mode = props.mode();
    }

    public Mode mode() {
        return mode;
    }

    /** Switches the mode at run time (tests; an operator could expose it later). */
    public void setMode(Mode mode) {
        this.mode = mode;
    }
}
