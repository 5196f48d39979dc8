package ai.seed.web.openai;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an image URL that {@link ImageUrlGuard} has passed: GET only, no redirects (a redirect
 * could lead anywhere the guard did not check), 5 s to connect, 5 s to the response headers and
 * 10 s for the whole body, at most {@link DataUrls#MAX_BYTES} (checked on Content-Length and
 * again while reading, so a lying server cannot make us buffer more). Every failure is a 400
 * naming the field: the URL came from the client.
 */
public final class RemoteImageFetcher {

    static final Duration CONNECT = Duration.ofSeconds(5);
    static final Duration READ = Duration.ofSeconds(5);
    static final Duration TOTAL = Duration.ofSeconds(10);

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(CONNECT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RemoteImageFetcher() {
    }

    public static byte[] fetch(URI uri, String param) {
        return fetch(uri, param, TOTAL);
    }

    /** As {@link #fetch(URI, String)} with another overall deadline (tests). */
    static byte[] fetch(URI uri, String param, Duration total) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().timeout(READ).header("Accept", "image/*").build();
        var pending = CLIENT.sendAsync(request, RemoteImageFetcher::limitedBody);
        try {
            HttpResponse<byte[]> response = pending.get(total.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200) {
                throw failed(param, "the server answered HTTP " + response.statusCode()
                        + (response.statusCode() / 100 == 3 ? " (redirects are not followed)" : ""));
            }
            return response.body();
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw failed(param, "it did not arrive within " + total.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(param, "the request was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TooLarge) {
                throw new OpenAiException(400, "The image at '" + param + "' is larger than "
                        + (DataUrls.MAX_BYTES >> 20) + " MiB.", param, "image_too_large");
            }
            throw failed(param, e.getCause() instanceof java.net.http.HttpTimeoutException
                    ? "it timed out" : "it could not be downloaded");
        }
    }

    private static HttpResponse.BodySubscriber<byte[]> limitedBody(HttpResponse.ResponseInfo info) {
        return new Limited(info.statusCode() == 200, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    private static OpenAiException failed(String param, String why) {
        return OpenAiException.invalid("The image URL in '" + param + "' could not be fetched: " + why + ".", param,
                "image_url_fetch_failed");
    }

    /** Signals a body over the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("image too large");
        }
    }

    /**
     * Collects a 200 body up to the limit, else cancels the stream and fails; any other status's
     * body is not read at all (only the status matters).
     */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {
        private final java.util.concurrent.CompletableFuture<byte[]> result = new java.util.concurrent.CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final boolean ok;
        private final long declared;
        private Flow.Subscription subscription;

        Limited(boolean ok, long declared) {
            this.ok = ok;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (!ok) {
                s.cancel();
                result.complete(new byte[0]);
            } else if (declared > DataUrls.MAX_BYTES) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (out.size() + b.remaining() > DataUrls.MAX_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
