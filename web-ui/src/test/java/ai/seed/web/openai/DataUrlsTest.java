package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class DataUrlsTest {

    @Test
    void decodesBase64ImageDataUrlsToleratingLineBreaks() {
        byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        String b64 = Base64.getEncoder().encodeToString(bytes);
        assertThat(DataUrls.decode("data:image/png;base64," + b64, "p")).isEqualTo(bytes);
        assertThat(DataUrls.decode("DATA:image/jpeg;base64," + b64.substring(0, 4) + "\n" + b64.substring(4), "p"))
                .isEqualTo(bytes);
        assertThat(DataUrls.isDataUrl("https://example.com/a.png")).isFalse();
    }

    @Test
    void refusesMalformedDataUrlsWithTheField() {
        for (String bad : new String[] {"data:image/png;base64", "data:text/plain;base64,aGk=", "data:image/png,rawbytes",
                "data:image/png;base64,@@not-base64@@", "data:image/png;base64,", "data:;base64,aGk="}) {
            assertThatThrownBy(() -> DataUrls.decode(bad, "messages[0].content[1].image_url.url"))
                    .isInstanceOfSatisfying(OpenAiException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("invalid_image_url");
                        assertThat(e.param()).isEqualTo("messages[0].content[1].image_url.url");
                    });
        }
    }

    @Test
    void refusesImagesOverTenMebibytesBeforeDecoding() {
        String huge = "data:image/png;base64," + "A".repeat((DataUrls.MAX_BYTES / 3 + 2) * 4);
        assertThatThrownBy(() -> DataUrls.decode(huge, "p"))
                .isInstanceOfSatisfying(OpenAiException.class, e -> assertThat(e.code()).isEqualTo("image_too_large"));
        String atLimit = "data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[DataUrls.MAX_BYTES]);
        assertThat(DataUrls.decode(atLimit, "p")).hasSize(DataUrls.MAX_BYTES);
    }
}
