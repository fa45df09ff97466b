package io.facegate.authentication;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * FaceGate's token key pair. The private key signs; the public key is the very one MicroProfile
 * JWT verifies access tokens with ({@code mp.jwt.verify.publickey}), so the two cannot drift apart.
 * Both come from the environment; the launcher generates them on first start outside the repository.
 */
@ApplicationScoped
public class SigningKeys {

    @Inject
    AuthenticationSettings settings;

    private PrivateKey privateKey;
    private PublicKey publicKey;

    @PostConstruct
    void load() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(settings.jwtPrivateKeyPem())));
            publicKey = rsa.generatePublic(new X509EncodedKeySpec(pemBody(settings.jwtPublicKeyPem())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("FACEGATE_JWT_PRIVATE_KEY / MP_JWT_VERIFY_PUBLICKEY are not a valid RSA key pair (PEM)", e);
        }
    }

    static byte[] pemBody(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }
}
