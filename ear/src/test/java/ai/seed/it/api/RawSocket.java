package ai.seed.it.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/** Bytes on a plain socket, for requests no HTTP client would send (oversized header blocks). */
final class RawSocket {

    private RawSocket() {
    }

    /** Sends the request and returns the response's status line (empty if the server said nothing). */
    static String statusLine(String request) throws IOException {
        int port = 8080 + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException e) {
                // the server may answer and close before it has read everything: read what it said
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0 && b != '\r') {
                seen.write(b);
            }
            return seen.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
