package io.facegate.cameras;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An ESP32-CAM running Espressif's CameraWebServer, on loopback: {@code /stream} on one port
 * (the camera's :81) sends {@code multipart/x-mixed-replace;boundary=123456789000000000000987654321}
 * chunked, three chunks per frame ({@code \r\n--boundary\r\n}, the part headers with Content-Length
 * and X-Timestamp, the JPEG), at 10 fps, never a closing boundary; {@code /capture} on the other
 * port (the camera's :80) answers one JPEG. Like the camera, it streams to one client at a time: a
 * second one is held unanswered until the first leaves (or refused). Tests can drop every
 * connection, take the camera off the network, stall the stream, and require Basic or Digest auth.
 */
public final class Esp32Emulator implements AutoCloseable {

    public static final String BOUNDARY = "123456789000000000000987654321";
    private static final byte[] CRLF = {'\r', '\n'};

    /** What a second stream client gets while one is streaming. */
    public enum SecondClient { HOLD, REFUSE }

    /** HTTP authentication the camera asks for. */
    public enum Auth { NONE, BASIC, DIGEST }

    private final ServerSocket streamServer;
    private final ServerSocket captureServer;
    private final long frameIntervalNanos;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger streamClients = new AtomicInteger();
    private final AtomicInteger streamConnections = new AtomicInteger();
    private final AtomicLong framesSent = new AtomicLong();
    private final Object streamSlot = new Object();
    private final String realm = "esp32cam";
    private final String nonce = UUID.randomUUID().toString().replace("-", "");

    private volatile List<byte[]> scene;
    private volatile boolean loop = true;
    private volatile byte[] idleFrame = blankJpeg(640, 480);
    private volatile boolean stalled;
    private volatile boolean offline;
    private volatile SecondClient secondClient = SecondClient.HOLD;
    private volatile Auth auth = Auth.NONE;
    private volatile String user;
    private volatile String password;
    private volatile boolean closed;
    private volatile long sceneStartNanos = System.nanoTime();

    /** A camera playing {@code frames} in a loop at 10 fps. */
    public Esp32Emulator(List<byte[]> frames) throws IOException {
        this(frames, 10);
    }

    public Esp32Emulator(List<byte[]> frames, int fps) throws IOException {
        this.scene = List.copyOf(frames);
        this.frameIntervalNanos = 1_000_000_000L / fps;
        InetAddress loopback = InetAddress.getLoopbackAddress();
        this.streamServer = new ServerSocket(0, 50, loopback);
        this.captureServer = new ServerSocket(0, 50, loopback);
        accept(streamServer, true);
        accept(captureServer, false);
    }

    /** The JPEG frames of a recorded CameraWebServer body ({@code *.multipart.bin}), by their Content-Length. */
    public static List<byte[]> framesOf(byte[] multipartBody) {
        List<byte[]> frames = new ArrayList<>();
        String text = new String(multipartBody, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int header = text.indexOf("Content-Length: ", at);
            if (header < 0) {
                return frames;
            }
            int lineEnd = text.indexOf("\r\n", header);
            int length = Integer.parseInt(text.substring(header + 16, lineEnd).strip());
            int body = text.indexOf("\r\n\r\n", header) + 4;
            frames.add(Arrays.copyOfRange(multipartBody, body, body + length));
            at = body + length;
        }
    }

    public String streamUrl() {
        return "http://127.0.0.1:" + streamServer.getLocalPort() + "/stream";
    }

    public String captureUrl() {
        return "http://127.0.0.1:" + captureServer.getLocalPort() + "/capture";
    }

    public int streamPort() {
        return streamServer.getLocalPort();
    }

    /**
     * Plays {@code frames} from their first: in a loop, or once and then a blank scene (someone
     * walked past the camera).
     */
    public void play(List<byte[]> frames, boolean looping) {
        this.scene = List.copyOf(frames);
        this.loop = looping;
        this.sceneStartNanos = System.nanoTime();
    }

    /** The frame shown once a scene played without looping (default: a blank 640x480 JPEG). */
    public void idleFrame(byte[] jpeg) {
        this.idleFrame = jpeg;
    }

    /** Stops sending frames without closing anything, as a hung camera does; false resumes. */
    public void stall(boolean stall) {
        this.stalled = stall;
    }

    /** Closes every open connection at once, as a camera rebooting or a Wi-Fi drop does. */
    public void dropConnections() {
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
    }

    /** Takes the camera off the network (connections dropped, new ones refused), or back on. */
    public void offline(boolean off) {
        this.offline = off;
        if (off) {
            dropConnections();
        }
    }

    public void secondClient(SecondClient behaviour) {
        this.secondClient = behaviour;
    }

    public void requireAuth(Auth scheme, String username, String secret) {
        this.user = username;
        this.password = secret;
        this.auth = scheme;
    }

    /** Stream clients being sent frames right now. */
    public int streamClients() {
        return streamClients.get();
    }

    /** Stream connections accepted since start (answered or held). */
    public int streamConnections() {
        return streamConnections.get();
    }

    public long framesSent() {
        return framesSent.get();
    }

    private void accept(ServerSocket server, boolean stream) {
        Thread acceptor = new Thread(() -> {
            while (!closed) {
                try {
                    Socket socket = server.accept();
                    if (offline) {
                        socket.setSoLinger(true, 0);
                        socket.close(); // an RST: the camera is not there
                        continue;
                    }
                    connections.add(socket);
                    Thread handler = new Thread(() -> serve(socket, stream), "esp32-" + (stream ? "stream" : "capture"));
                    handler.setDaemon(true);
                    handler.start();
                } catch (IOException e) {
                    if (!closed) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }, "esp32-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void serve(Socket socket, boolean stream) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            do {
                Map<String, String> request = readRequest(in);
                if (request == null) {
                    return;
                }
                String path = request.get(":path");
                if (!authorised(request)) {
                    refuse(out, request);
                    continue; // the client answers the challenge on the same connection
                }
                if (stream && path.startsWith("/stream")) {
                    stream(socket, out);
                    return;
                }
                if (!stream && path.startsWith("/capture")) {
                    byte[] jpeg = currentFrame();
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Disposition: inline; filename=capture.jpg\r\n"
                            + "Access-Control-Allow-Origin: *\r\nContent-Length: " + jpeg.length + "\r\n\r\n");
                    out.write(jpeg);
                    out.flush();
                    continue;
                }
                write(out, "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\nNot Found");
                out.flush();
            } while (true);
        } catch (IOException e) {
            // the client left or the test dropped the connection
        } finally {
            connections.remove(socket);
        }
    }

    private void stream(Socket socket, OutputStream out) throws IOException {
        streamConnections.incrementAndGet();
        if (streamClients.get() > 0 && secondClient == SecondClient.REFUSE) {
            return; // closed without an answer
        }
        synchronized (streamSlot) {
            // One stream task: a second client waits here, its request unanswered, until the first leaves.
            streamClients.incrementAndGet();
            try {
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=" + BOUNDARY
                        + "\r\nTransfer-Encoding: chunked\r\nAccess-Control-Allow-Origin: *\r\nX-Framerate: 60\r\n\r\n");
                out.flush();
                long next = System.nanoTime();
                while (!closed && !socket.isClosed()) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        sleep(wait);
                    }
                    next += frameIntervalNanos;
                    if (stalled) {
                        continue;
                    }
                    byte[] jpeg = currentFrame();
                    long micros = (System.nanoTime() - sceneStartNanos) / 1000;
                    chunk(out, ("\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    chunk(out, String.format(Locale.ROOT, "Content-Type: image/jpeg\r\nContent-Length: %d\r\nX-Timestamp: %d.%06d\r\n\r\n",
                            jpeg.length, micros / 1_000_000, micros % 1_000_000).getBytes(StandardCharsets.US_ASCII));
                    chunk(out, jpeg);
                    out.flush();
                    framesSent.incrementAndGet();
                }
            } finally {
                streamClients.decrementAndGet();
            }
        }
    }

    /** The scene's frame for now: by elapsed time at the scene's frame rate. */
    private byte[] currentFrame() {
        List<byte[]> frames = scene;
        long index = (System.nanoTime() - sceneStartNanos) / frameIntervalNanos;
        if (index >= frames.size() && !loop) {
            return idleFrame;
        }
        return frames.get((int) (index % frames.size()));
    }

    private boolean authorised(Map<String, String> request) {
        String header = request.get("authorization");
        return switch (auth) {
            case NONE -> true;
            case BASIC -> header != null && header.equals("Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            case DIGEST -> header != null && header.startsWith("Digest ") && digestValid(header.substring(7), request.get(":method"));
        };
    }

    private boolean digestValid(String header, String method) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip().replace("\"", ""));
            }
        }
        if (!user.equals(fields.get("username")) || !nonce.equals(fields.get("nonce"))) {
            return false;
        }
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + fields.get("uri"));
        String expected = fields.containsKey("qop")
                ? md5(ha1 + ":" + nonce + ":" + fields.get("nc") + ":" + fields.get("cnonce") + ":" + fields.get("qop") + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + ha2);
        return expected.equals(fields.get("response"));
    }

    private void refuse(OutputStream out, Map<String, String> request) throws IOException {
        String challenge = auth == Auth.BASIC ? "Basic realm=\"" + realm + "\""
                : "Digest realm=\"" + realm + "\", qop=\"auth\", nonce=\"" + nonce + "\", algorithm=MD5";
        write(out, "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: " + challenge + "\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nUnauthorized");
        out.flush();
    }

    /** The request line and headers (names lower-cased; ":method", ":path"), or null when the client left. */
    private static Map<String, String> readRequest(InputStream in) throws IOException {
        Map<String, String> request = new LinkedHashMap<>();
        String line = readLine(in);
        if (line == null || line.isEmpty()) {
            return null;
        }
        String[] parts = line.split(" ");
        request.put(":method", parts[0]);
        request.put(":path", parts.length > 1 ? parts[1] : "/");
        for (line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                request.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return request;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1).replace("\r", "");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write(Integer.toHexString(data.length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(data);
        out.write(CRLF);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void sleep(long nanos) throws InterruptedIOException {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A uniformly grey JPEG: a scene without anyone in it. */
    public static byte[] blankJpeg(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D canvas = image.createGraphics();
        canvas.setColor(new Color(128, 128, 120));
        canvas.fillRect(0, 0, width, height);
        canvas.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jpeg.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        dropConnections();
        try {
            streamServer.close();
            captureServer.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
