package ai.seed.web.api.evaluations;

import ai.seed.inference.service.ServiceException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading an upload past {@code limit} bytes with a 413 problem. */
final class LimitedInput extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw new ServiceException(ServiceException.Kind.TOO_LARGE, "dataset-too-large",
                    "the upload is larger than " + (limit >> 20) + " MiB; import larger sets from a server folder");
        }
    }
}
