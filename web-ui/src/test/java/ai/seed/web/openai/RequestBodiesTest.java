package ai.seed.web.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    static void assertTooLarge(Runnable read) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.status()).isEqualTo(413);
            assertThat(e.code()).isEqualTo("request_too_large");
        });
    }

    @Test
    void readsBodiesUpToTheLimit() {
        assertThat(RequestBodies.read("3", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3)).hasSize(3);
        assertThat(RequestBodies.read(null, new ByteArrayInputStream(new byte[0]), 3)).isEmpty();
        assertThat(RequestBodies.read("garbage", new ByteArrayInputStream(new byte[] {1}), 3)).hasSize(1);
    }

    @Test
    void refusesADeclaredOversizeBodyWithoutReadingIt() {
        InputStream unread = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("must not read");
            }
        };
        assertTooLarge(() -> RequestBodies.read("4", unread, 3));
    }

    @Test
    void refusesAnUndeclaredOversizeBodyAtTheLimit() {
        assertTooLarge(() -> RequestBodies.read(null, new ByteArrayInputStream(new byte[4]), 3));
        assertTooLarge(() -> RequestBodies.read(null, new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("UT000020: Connection terminated as request was larger than 3");
            }
        }, 3));
    }
}
