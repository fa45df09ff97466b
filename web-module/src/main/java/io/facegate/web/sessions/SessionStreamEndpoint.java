package io.facegate.web.sessions;

import io.facegate.domain.sessions.FaceSession;
import io.facegate.domain.shared.JsonProcessing;
import io.facegate.frames.FrameLane;
import io.facegate.sessions.FrameOutcome;
import io.facegate.system.FaceGateException;
import io.facegate.usage.CallOrigin;
import io.facegate.usage.Transport;
import io.facegate.web.http.JsonConfiguration;
import io.facegate.web.usage.CallerAddresses;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connection of seed 003's WebSocket protocol at {@code /ws/auth/process-image/{session_token}/}:
 * the token in the path is the only credential. The connection is admitted or refused in
 * {@link #onOpen}, before the container reads any of its messages (a short database check; writing
 * the answer from the container's own thread there also avoids racing the upgrade's first writes).
 * Its frames are then decided by the same use case as REST process-image on {@link SessionStreams}'
 * workers, never on the container's thread; one at a time, the newest waiting frame first
 * ({@link FrameLane}).
 * Every refusal is an {@code error} message; those that end the stream are followed by a close with
 * the seed's code ({@link StreamClose}).
 */
public class SessionStreamEndpoint extends Endpoint {

    static final String TOKEN_PARAMETER = "session_token";
    /** Where the handshake leaves its headers for {@link #onOpen}. */
    static final String HANDSHAKE_PROPERTY = "facegate.handshake-headers";
    /** The stream's path as usage rows record it: without the session token, which is a credential. */
    static final String USAGE_PATH = "/ws/auth/process-image/";

    /** Largest message: the container's own incoming limit (Tyrus, 4 MiB), a 3 MB image as base64. Seed 003 asks for frames under 100 KB. */
    static final int MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
    static final int FRAMES_PER_SECOND = 10;
    /**
     * Five seconds of frames: what piles up in the network while a loaded server is not reading
     * (measured: on an overloaded host, 2 s was not enough). Frames beyond the one in flight and
     * the newest waiting one are never analysed anyway, so a burst costs only its parsing.
     */
    static final int FRAME_BURST = 50;
    static final int REFUSALS_TO_CLOSE = 20;

    private static final Logger LOG = Logger.getLogger(SessionStreamEndpoint.class.getName());

    @Inject
    SessionStreams streams;

    @Inject
    CallerAddresses addresses;

    private Session connection;
    private String token;
    private String origin;
    private CallOrigin callOrigin;
    private FrameLane lane;
    private FrameRateLimit rateLimit;
    private volatile UUID sessionId;
    private volatile boolean closed;
    private volatile boolean closing;
    private volatile long lastFrameNanos;

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        connection = session;
        token = session.getPathParameters().get(TOKEN_PARAMETER);
        SessionStreamConfig.HandshakeHeaders handshake = (SessionStreamConfig.HandshakeHeaders) session.getUserProperties().get(HANDSHAKE_PROPERTY);
        origin = handshake.origin();
        callOrigin = new CallOrigin(Transport.WEBSOCKET, CallOrigin.WEBSOCKET_METHOD, USAGE_PATH, Map.of(),
                addresses.resolve(remoteAddress(session), handshake.forwardedFor()), handshake.userAgent(), "SessionStreamEndpoint#frame");
        session.setMaxIdleTimeout(streams.socketIdleTimeout().toMillis());
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> sendError(StreamClose.BAD_REQUEST,
                "binary_message", "send frames as JSON text: {\"type\": \"frame\", \"image\": \"data:image/jpeg;base64,...\"}"));
        lastFrameNanos = System.nanoTime();
        rateLimit = new FrameRateLimit(FRAMES_PER_SECOND, FRAME_BURST, REFUSALS_TO_CLOSE, lastFrameNanos);
        lane = streams.newLane();
        admit();
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        closed = true;
        lane.close();
        streams.release(sessionId, this);
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket stream failed", failure);
    }

    /** Called by the sweep: a stream without frames for a while is checked against its session. */
    void recheckIfQuietSince(long nanos) {
        if (lastFrameNanos - nanos < 0) {
            lane.offerIfIdle(this::recheck);
        }
    }

    private void admit() {
        try {
            FaceSession session = streams.admit(token, origin, this);
            sessionId = session.getId();
            send(StreamMessages.ConnectionEstablished.of(token, session));
        } catch (FaceGateException refusal) {
            refuse(StreamClose.of(refusal), refusal.code(), refusal.getMessage());
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    private void onText(String text) {
        if (closing) {
            return;
        }
        JsonObject message;
        try (JsonReader reader = JsonProcessing.PROVIDER.createReader(new StringReader(text))) {
            message = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            sendError(StreamClose.BAD_REQUEST, "invalid_json", "a message must be a JSON object such as {\"type\": \"ping\"}");
            return;
        }
        String type = message.get("type") instanceof JsonString s ? s.getString() : "";
        switch (type) {
            case "frame" -> onFrame(message);
            case "ping" -> send(StreamMessages.Pong.INSTANCE);
            default -> sendError(StreamClose.BAD_REQUEST, "unknown_message_type", "type must be \"frame\" or \"ping\"");
        }
    }

    private void onFrame(JsonObject message) {
        if (!(message.get("image") instanceof JsonString image)) {
            sendError(StreamClose.BAD_REQUEST, "missing_image", "a frame needs image: a data URL or base64 of a JPEG or PNG");
            return;
        }
        JsonValue frameId = message.get("frame_id") instanceof JsonString || message.get("frame_id") instanceof JsonNumber
                ? message.get("frame_id") : JsonValue.NULL;
        long now = System.nanoTime();
        switch (rateLimit.admit(now)) {
            case ACCEPT -> {
                lastFrameNanos = now;
                lane.offer(() -> process(frameId, image.getString()));
            }
            case REFUSE -> sendError(StreamClose.TOO_MANY_FRAMES, "rate_limited",
                    "over " + FRAMES_PER_SECOND + " frames per second: this frame was not analysed");
            case CLOSE -> refuse(StreamClose.TOO_MANY_FRAMES, "rate_limited",
                    REFUSALS_TO_CLOSE + " frames in a row over the limit of " + FRAMES_PER_SECOND + " per second");
        }
    }

    private void process(JsonValue frameId, String image) {
        if (closed || closing) {
            return;
        }
        try {
            FrameOutcome outcome = streams.process(token, image, callOrigin);
            send(StreamMessages.FrameProcessed.of(frameId, outcome));
            if (outcome.sessionEnded()) {
                send(StreamMessages.completion(outcome));
                close(StreamMessages.closing(outcome.session()), outcome.session().getOutcome());
            }
        } catch (FaceGateException refusal) {
            if (StreamClose.endsStream(refusal)) {
                refuse(StreamClose.of(refusal), refusal.code(), refusal.getMessage());
            } else {
                sendError(StreamClose.of(refusal), refusal.code(), refusal.getMessage());
            }
        } catch (RuntimeException e) {
            internalError(e);
        }
    }

    private void recheck() {
        if (closed || closing) {
            return;
        }
        try {
            streams.check(token, origin);
        } catch (FaceGateException refusal) {
            refuse(StreamClose.of(refusal), refusal.code(), refusal.getMessage());
        } catch (RuntimeException e) {
            // The next sweep or frame tries again; a database hiccup should not cut off a person mid-session.
            LOG.log(Level.WARNING, "Could not re-check a streamed session", e);
        }
    }

    /**
     * The peer's address. The WebSocket API does not expose it; Payara's WebSocket implementation
     * (Tyrus) has it on its session class, whose package is not visible to applications.
     */
    private static String remoteAddress(Session session) {
        try {
            Object address = session.getClass().getMethod("getRemoteAddr").invoke(session);
            return address instanceof String text ? text : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private void internalError(RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error on a session stream, incident " + incident, e);
        refuse(StreamClose.INTERNAL_ERROR, "internal_error", "unexpected server error; quote incident " + incident);
    }

    /** An {@code error} message, then the close; the container sends both in this order. */
    private void refuse(StreamClose kind, String errorCode, String message) {
        sendError(kind, errorCode, message);
        close(kind, errorCode);
    }

    private void sendError(StreamClose kind, String errorCode, String message) {
        send(StreamMessages.Error.of(kind, errorCode, message));
    }

    private void send(Object message) {
        if (closed) {
            return;
        }
        try {
            connection.getAsyncRemote().sendText(JsonConfiguration.jsonb().toJson(message), result -> {
                if (!result.isOK()) {
                    LOG.log(Level.FINE, "A stream message was not delivered", result.getException());
                }
            });
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "Stream closed while sending", e);
        }
    }

    private void close(StreamClose kind, String reason) {
        closing = true;
        lane.close();
        try {
            connection.close(kind.reason(reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Stream already closed", e);
        }
    }
}
