package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.domain.RateLimiter.Limit;
import com.clinicrecords.identity.persistence.SharedRateLimits;
import com.clinicrecords.shared.domain.TooManyRequestsException;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttle, shared by every instance through the database. An attempt is <em>reserved</em> before
 * the password is hashed (one token taken atomically from each bucket), so parallel guesses can never get
 * more hashes than the limit; a correct password gives the tokens back. Buckets:
 *
 * <ul>
 *   <li>per (account, client IP), tight: one client's guesses lock only that client out;
 *   <li>per account, looser: many clients together cannot guess for long either; when it runs out the owner is
 *       told by email (see {@link LockoutNotices});
 *   <li>per client IP: one client cannot sweep many accounts.
 * </ul>
 *
 * The account is the one the canonical email resolves to (its id), or the canonical email itself when no
 * account has it, so a 429 tells nothing about which accounts exist and no spelling variant gets a fresh
 * counter. Must be called outside a transaction (see {@link SharedRateLimits}).
 */
@Component
public class LoginThrottle {

    static final String PER_IP = "login-ip";
    static final String PER_ACCOUNT_CLIENT = "login-account-client";
    static final String PER_ACCOUNT = "login-account";

    private final SharedRateLimits limits;
    private final ThrottleProperties.Login props;

    LoginThrottle(SharedRateLimits limits, ThrottleProperties.Login props) {
        this.limits = limits;
        this.props = props;
    }

    /**
     * Takes one attempt from every bucket, or none: throws 429 (with the longest wait) if any is empty. The
     * result says whether this attempt used up the per-account allowance (time to tell the owner).
     */
    public Reservation reserve(UUID accountId, String canonicalEmail, String ip) {
        String account =
                accountId != null ? "user:" + accountId : "email:" + (canonicalEmail == null ? "" : canonicalEmail);
        String client = ip == null ? "unknown" : ip;
        Reservation reservation = new Reservation(account, client);
        reservation.take(PER_IP, client, props.perIp());
        reservation.take(PER_ACCOUNT_CLIENT, account + "|" + client, props.perAccountClient());
        ConsumptionProbe perAccount = reservation.take(PER_ACCOUNT, account, props.perAccount());
        reservation.accountLimitReached = perAccount.getRemainingTokens() == 0;
        return reservation;
    }

    /**
     * The password was right: the client's failures on this account are forgotten and the attempt is given
     * back to the per-account and per-IP buckets (a correct sign-in is not a guess).
     */
    public void succeeded(Reservation reservation) {
        limits.reset(PER_ACCOUNT_CLIENT, reservation.account + "|" + reservation.client);
        limits.refund(PER_ACCOUNT, reservation.account, props.perAccount());
        limits.refund(PER_IP, reservation.client, props.perIp());
    }

    /** The attempt was never checked (the server was too busy to hash): every token goes back. */
    public void cancel(Reservation reservation) {
        reservation.refundAll();
    }

    /** One reserved attempt; see {@link #reserve}. */
    public final class Reservation {

        private final String account;
        private final String client;
        private final List<String[]> taken = new ArrayList<>();
        private final List<Limit> takenLimits = new ArrayList<>();
        private boolean accountLimitReached;

        private Reservation(String account, String client) {
            this.account = account;
            this.client = client;
        }

        public boolean accountLimitReached() {
            return accountLimitReached;
        }

        private ConsumptionProbe take(String name, String subject, Limit limit) {
            ConsumptionProbe probe = limits.tryConsume(name, subject, limit);
            if (!probe.isConsumed()) {
                // An attempt refused by one bucket does not count against the others.
                refundAll();
                Duration wait =
                        Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1);
                throw new TooManyRequestsException("Too many sign-in attempts; try again later", wait);
            }
            taken.add(new String[] {name, subject});
            takenLimits.add(limit);
            return probe;
        }

        private void refundAll() {
            for (int i = 0; i < taken.size(); i++) {
                limits.refund(taken.get(i)[0], taken.get(i)[1], takenLimits.get(i));
            }
            taken.clear();
            takenLimits.clear();
        }
    }
}
