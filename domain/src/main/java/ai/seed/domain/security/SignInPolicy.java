package ai.seed.domain.security;

import java.time.Duration;

/**
 * How failed sign-ins slow down guessing (OWASP ASVS V2.2.1), counted three ways:
 * <ul>
 *   <li><b>this account from this address</b>: from the {@code delayAfter}-th failure each further
 *       try waits a growing delay (1 s, 2 s, 4 s...); at {@code lockoutAfter} failures the account
 *       is locked for {@code lockout} from that address only, so the real user elsewhere still
 *       signs in;</li>
 *   <li><b>this account from anywhere</b> (guessing from many addresses): growing delays from
 *       {@code lockoutAfter} failures, never longer than {@code accountMaxDelay}: an attacker can
 *       slow a real user down, but not lock them out for long;</li>
 *   <li><b>this address, any account</b> (password spraying): delays from
 *       {@code addressDelayAfter} failures, up to {@code lockout}.</li>
 * </ul>
 * Counts are forgotten {@code window} after the last failure; a success clears the account's.
 */
public record SignInPolicy(int delayAfter, int lockoutAfter, Duration lockout, Duration accountMaxDelay,
                           int addressDelayAfter, Duration window) {

    /** The defaults: delays from the 3rd failure, a 15-minute lockout at the 10th. */
    public static final SignInPolicy DEFAULT = new SignInPolicy(3, 10, Duration.ofMinutes(15), Duration.ofSeconds(30),
            30, Duration.ofHours(1));

    public SignInPolicy {
        if (delayAfter < 1 || lockoutAfter < delayAfter || addressDelayAfter < 1 || lockout.isNegative()
                || accountMaxDelay.isNegative() || window.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("sign-in policy needs 1 <= delay-after <= lockout-after and a window"
                    + " at least as long as the lockout");
        }
    }

    /** The three counters a failure counts on. */
    public enum Counter {
        ACCOUNT_FROM_ADDRESS, ACCOUNT, ADDRESS
    }

    /** How long {@code counter} blocks further tries after its {@code failures}-th failure. */
    public Duration blockAfter(Counter counter, int failures) {
        return switch (counter) {
            case ACCOUNT_FROM_ADDRESS -> failures >= lockoutAfter ? lockout : growing(failures, delayAfter, lockout);
            case ACCOUNT -> growing(failures, lockoutAfter, accountMaxDelay);
            case ADDRESS -> growing(failures, addressDelayAfter, lockout);
        };
    }

    /** Whether this block is the lockout (said so to the user) rather than a short delay. */
    public boolean isLockout(Counter counter, int failures) {
        return counter == Counter.ACCOUNT_FROM_ADDRESS && failures >= lockoutAfter;
    }

    private static Duration growing(int failures, int from, Duration max) {
        if (failures < from) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - from, 30);
        Duration delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
