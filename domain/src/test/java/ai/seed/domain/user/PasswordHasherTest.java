package ai.seed.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = PasswordHasher.hash("correct horse battery".toCharArray());
        assertThat(hash).startsWith("PBKDF2WithHmacSHA256:210000:").doesNotContain("correct horse");
        assertThat(PasswordHasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(PasswordHasher.verify("correct horse batterY".toCharArray(), hash)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(PasswordHasher.hash("same password here".toCharArray()))
                .isNotEqualTo(PasswordHasher.hash("same password here".toCharArray()));
    }

    @Test
    void refusesShortPasswordsAndMalformedHashes() {
        assertThatThrownBy(() -> PasswordHasher.hash("short".toCharArray())).hasMessageContaining("12 characters");
        assertThat(PasswordHasher.verify("whatever-long-pw".toCharArray(), "md5:abc")).isFalse();
        assertThat(PasswordHasher.verify("whatever-long-pw".toCharArray(), "PBKDF2WithHmacSHA256:x:y:z")).isFalse();
        assertThat(PasswordHasher.verify(null, null)).isFalse();
    }

    @Test
    void generatedPasswordsAreLongAndDifferent() {
        assertThat(PasswordHasher.generate()).hasSize(24).isNotEqualTo(PasswordHasher.generate());
    }
}
