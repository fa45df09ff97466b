package io.facegate.domain.clients;

public enum ClientStatus {
    ACTIVE,
    DISABLED
}
