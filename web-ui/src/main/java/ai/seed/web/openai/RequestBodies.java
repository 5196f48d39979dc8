package ai.seed.web.openai;

import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads a request body up to the server's request size limit ({@code SEED_MAX_REQUEST_BYTES},
 * 32 MiB by default, the same setting the HTTP listener enforces), so that an oversized body is
 * a 413 in OpenAI's format rather than the listener's bare refusal: a declared Content-Length
 * over the limit is refused before reading, a longer chunked body when the limit is reached.
 */
final class RequestBodies {

    static final long DEFAULT_LIMIT = 32L * 1024 * 1024;

    private RequestBodies() {
    }

    static byte[] read(String contentLength, InputStream body) {
        long limit = ConfigProvider.getConfig().getOptionalValue("SEED_MAX_REQUEST_BYTES", Long.class).orElse(DEFAULT_LIMIT);
        return read(contentLength, body, limit);
    }

    static byte[] read(String contentLength, InputStream body, long limit) {
        if (declared(contentLength) > limit) {
            throw tooLarge(limit);
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            // The listener stops a body at its own limit; a client that went away gets no answer anyway.
            throw tooLarge(limit);
        }
    }

    private static long declared(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static OpenAiException tooLarge(long limit) {
        return new OpenAiException(413, "The request body is larger than " + (limit >> 20) + " MiB.", null,
                "request_too_large");
    }
}
