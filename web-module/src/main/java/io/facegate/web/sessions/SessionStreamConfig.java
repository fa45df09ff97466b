package io.facegate.web.sessions;

import jakarta.websocket.Endpoint;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Deploys the session stream at seed 003's path, with and without the trailing slash (as every
 * REST path), and hands the handshake's headers that matter (Origin, User-Agent, X-Forwarded-For)
 * to the connection.
 */
public class SessionStreamConfig implements ServerApplicationConfig {

    /** Seed 003's path; REST session creation returns it, with the trailing slash, as {@code websocket_url}. */
    public static final String PATH = "/ws/auth/process-image/{" + SessionStreamEndpoint.TOKEN_PARAMETER + "}";

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
        OriginCapture originCapture = new OriginCapture();
        return Stream.of(PATH + "/", PATH)
                .map(path -> ServerEndpointConfig.Builder.create(SessionStreamEndpoint.class, path).configurator(originCapture).build())
                .collect(Collectors.toSet());
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        return scanned;
    }

    /** The handshake's headers a connection needs: who the page is, and where the call came from for its usage rows. */
    record HandshakeHeaders(String origin, String userAgent, String forwardedFor) {
    }

    /**
     * Copies the handshake's headers into the connection's user properties (per connection since
     * WebSocket 2.1). Instances are still made by the container, so the endpoint gets CDI injection.
     */
    static final class OriginCapture extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            config.getUserProperties().put(SessionStreamEndpoint.HANDSHAKE_PROPERTY, new HandshakeHeaders(
                    header(request, "Origin"), header(request, "User-Agent"), header(request, "X-Forwarded-For")));
        }

        private static String header(HandshakeRequest request, String name) {
            for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
                if (name.equalsIgnoreCase(header.getKey()) && header.getValue() != null && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }
}
