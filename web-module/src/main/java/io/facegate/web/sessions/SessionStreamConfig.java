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
 * REST path), and hands the handshake's Origin header to the connection.
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

    /**
     * Copies the Origin header into the connection's user properties (per connection since
     * WebSocket 2.1). Instances are still made by the container, so the endpoint gets CDI injection.
     */
    static final class OriginCapture extends ServerEndpointConfig.Configurator {
        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
            String origin = null;
            for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
                if ("Origin".equalsIgnoreCase(header.getKey()) && header.getValue() != null && !header.getValue().isEmpty()) {
                    origin = header.getValue().get(0);
                }
            }
            if (origin == null) {
                config.getUserProperties().remove(SessionStreamEndpoint.ORIGIN_PROPERTY);
            } else {
                config.getUserProperties().put(SessionStreamEndpoint.ORIGIN_PROPERTY, origin);
            }
        }
    }
}
