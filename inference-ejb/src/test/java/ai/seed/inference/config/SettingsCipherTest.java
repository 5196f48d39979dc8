package ai.seed.inference.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class SettingsCipherTest {

    @Test
    void aKeySealedByOneNodeOpensOnAnotherWithTheSameSecret() throws Exception {
        byte[] sealed = new SettingsCipher("shared-secret").encrypt("sk-live-1234");
        assertEquals("sk-live-1234", new SettingsCipher("shared-secret").decrypt(sealed));
    }

    @Test
    void theStoredBytesDoNotContainTheKeyAndDifferEachTime() {
        SettingsCipher cipher = new SettingsCipher("s");
        byte[] a = cipher.encrypt("sk-live-1234");
        byte[] b = cipher.encrypt("sk-live-1234");
        assertFalse(new String(a, StandardCharsets.ISO_8859_1).contains("sk-live"));
        assertFalse(java.util.Arrays.equals(a, b), "a fresh nonce per encryption");
    }

    @Test
    void anotherSecretOrAlteredBytesAreRefused() {
        byte[] sealed = new SettingsCipher("one").encrypt("sk-live-1234");
        assertThrows(GeneralSecurityException.class, () -> new SettingsCipher("two").decrypt(sealed));
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> new SettingsCipher("one").decrypt(altered));
        assertThrows(GeneralSecurityException.class, () -> new SettingsCipher("one").decrypt(new byte[5]));
        assertArrayEquals(sealed, sealed.clone());
    }

    @Test
    void aBlankSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SettingsCipher(" "));
    }
}
