package ai.seed.it.fakes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * An OpenTelemetry collector as far as tests need one: OTLP over HTTP ({@code POST /v1/traces},
 * protobuf, optionally gzip), answering 200 as a collector does, keeping every span it received.
 * The protobuf is read by a small wire-format reader over the fields of
 * {@code opentelemetry/proto/trace/v1/trace.proto} that tests look at (ids, name, attributes).
 */
public final class OtlpReceiver implements AutoCloseable {

    /** One received span: hex ids, name, attributes as text. */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name,
                               Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = Collections.synchronizedList(new ArrayList<>());

    private OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/v1/traces", this::traces);
        server.start();
    }

    public static OtlpReceiver start(int port) throws IOException {
        return new OtlpReceiver(port);
    }

    public List<ReceivedSpan> spans() {
        synchronized (spans) {
            return List.copyOf(spans);
        }
    }

    private void traces(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        try {
            for (byte[] resourceSpans : fields(body, 1)) {
                for (byte[] scopeSpans : fields(resourceSpans, 2)) {
                    for (byte[] span : fields(scopeSpans, 2)) {
                        spans.add(span(span));
                    }
                }
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        } finally {
            exchange.close();
        }
    }

    private static ReceivedSpan span(byte[] span) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (byte[] kv : fields(span, 9)) {
            String key = text(first(kv, 1));
            byte[] value = first(kv, 2);
            attributes.put(key, value == null ? "" : anyValue(value));
        }
        return new ReceivedSpan(hex(first(span, 1)), hex(first(span, 2)), hex(first(span, 4)), text(first(span, 5)),
                attributes);
    }

    /** AnyValue: string (1), bool (2), int (3) or double (4), as text. */
    private static String anyValue(byte[] value) {
        Wire w = new Wire(value);
        while (w.more()) {
            int tag = (int) w.varint();
            int field = tag >>> 3;
            int type = tag & 7;
            if (field == 1 && type == 2) {
                return text(w.bytes());
            } else if ((field == 2 || field == 3) && type == 0) {
                long v = w.varint();
                return field == 2 ? String.valueOf(v != 0) : String.valueOf(v);
            } else if (field == 4 && type == 1) {
                return String.valueOf(Double.longBitsToDouble(w.fixed64()));
            }
            w.skip(type);
        }
        return "";
    }

    private static byte[] first(byte[] message, int field) {
        List<byte[]> all = fields(message, field);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The length-delimited values of {@code field} in {@code message}. */
    private static List<byte[]> fields(byte[] message, int field) {
        List<byte[]> out = new ArrayList<>();
        Wire w = new Wire(message);
        while (w.more()) {
            int tag = (int) w.varint();
            if (tag >>> 3 == field && (tag & 7) == 2) {
                out.add(w.bytes());
            } else {
                w.skip(tag & 7);
            }
        }
        return out;
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String hex(byte[] b) {
        return b == null || b.length == 0 ? null : HexFormat.of().formatHex(b);
    }

    /** Protobuf's wire format: varints, fixed 32/64-bit values, length-delimited bytes. */
    private static final class Wire {
        private final byte[] b;
        private int pos;

        Wire(byte[] b) {
            this.b = b;
        }

        boolean more() {
            return pos < b.length;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte next = b[pos++];
                result |= (long) (next & 0x7f) << shift;
                if ((next & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("bad varint");
        }

        long fixed64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v |= (long) (b[pos++] & 0xff) << (8 * i);
            }
            return v;
        }

        byte[] bytes() {
            int len = (int) varint();
            ByteArrayOutputStream out = new ByteArrayOutputStream(len);
            out.write(b, pos, len);
            pos += len;
            return out.toByteArray();
        }

        void skip(int type) {
            switch (type) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> bytes();
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("wire type " + type);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
