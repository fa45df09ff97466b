package io.facegate.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The server's own secrets, generated on first start into {@code <data>/keys} (mode 600), never
 * into the repository: the master key that seals data at rest, the JWT signing key pair, and the
 * embedded S3 server's credentials.
 */
public record ServerSecrets(String masterKey, String jwtPrivateKeyPem, String jwtPublicKeyPem,
                            String s3AccessKey, String s3SecretKey) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static ServerSecrets loadOrCreate(Path keysDirectory) throws IOException {
        Files.createDirectories(keysDirectory);
        Path master = keysDirectory.resolve("master.key");
        Path privateKey = keysDirectory.resolve("jwt-private.pem");
        Path publicKey = keysDirectory.resolve("jwt-public.pem");
        Path s3 = keysDirectory.resolve("s3-credentials");
        if (!Files.exists(master)) {
            write(master, random(32));
        }
        if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
            KeyPair pair = rsaKeyPair();
            write(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            write(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        }
        if (!Files.exists(s3)) {
            write(s3, "facegate-" + Long.toHexString(RANDOM.nextLong()) + "\n" + random(24) + "\n");
        }
        String[] s3Lines = Files.readString(s3).strip().split("\n");
        return new ServerSecrets(Files.readString(master).strip(), Files.readString(privateKey), Files.readString(publicKey),
                s3Lines[0].strip(), s3Lines[1].strip());
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the directory's own protection applies
        }
    }
}
