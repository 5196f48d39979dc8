package ai.seed.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.seed.domain.security.SignInPolicy.Counter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInPolicyTest {

    private final SignInPolicy policy = SignInPolicy.DEFAULT;

    @Test
    void anAccountFromOneAddressWaitsLongerAfterEachFailureThenIsLocked() {
        assertThat(policy.blockAfter(Counter.ACCOUNT_FROM_ADDRESS, 2)).isZero();
        assertThat(policy.blockAfter(Counter.ACCOUNT_FROM_ADDRESS, 3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.blockAfter(Counter.ACCOUNT_FROM_ADDRESS, 4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.blockAfter(Counter.ACCOUNT_FROM_ADDRESS, 9)).isEqualTo(Duration.ofSeconds(64));
        assertThat(policy.isLockout(Counter.ACCOUNT_FROM_ADDRESS, 9)).isFalse();
        assertThat(policy.blockAfter(Counter.ACCOUNT_FROM_ADDRESS, 10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.isLockout(Counter.ACCOUNT_FROM_ADDRESS, 10)).isTrue();
        assertThat(policy.blockAfter(Counter.ACCOUNT_FROM_ADDRESS, 500)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void guessingFromManyAddressesSlowsTheAccountButNeverLocksItForLong() {
        assertThat(policy.blockAfter(Counter.ACCOUNT, 9)).isZero();
        assertThat(policy.blockAfter(Counter.ACCOUNT, 10)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.blockAfter(Counter.ACCOUNT, 1000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.isLockout(Counter.ACCOUNT, 1000)).isFalse();
    }

    @Test
    void sprayingFromOneAddressIsSlowedUpToTheLockout() {
        assertThat(policy.blockAfter(Counter.ADDRESS, 29)).isZero();
        assertThat(policy.blockAfter(Counter.ADDRESS, 30)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.blockAfter(Counter.ADDRESS, 100)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anInconsistentPolicyIsRefused() {
        assertThatThrownBy(() -> new SignInPolicy(5, 3, Duration.ofMinutes(1), Duration.ZERO, 10, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInPolicy(1, 3, Duration.ofHours(2), Duration.ZERO, 10, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
