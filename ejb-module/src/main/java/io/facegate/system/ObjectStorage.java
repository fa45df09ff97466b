package io.facegate.system;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;

/**
 * FaceGate's objects (profile images, reports) in one private S3 bucket, through the MinIO client.
 * The bucket is created on first use; objects are only ever reached through presigned URLs.
 */
@ApplicationScoped
public class ObjectStorage {

    @Inject
    @ConfigProperty(name = "facegate.s3.endpoint")
    String endpoint;

    @Inject
    @ConfigProperty(name = "facegate.s3.access-key")
    String accessKey;

    @Inject
    @ConfigProperty(name = "facegate.s3.secret-key")
    String secretKey;

    @Inject
    @ConfigProperty(name = "facegate.s3.bucket", defaultValue = "facegate")
    String bucket;

    @Inject
    @ConfigProperty(name = "facegate.s3.region", defaultValue = "us-east-1")
    String region;

    private MinioClient client;
    private volatile boolean bucketReady;

    @PostConstruct
    void connect() {
        client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).region(region).build();
        client.setTimeout(TimeUnit.SECONDS.toMillis(5), TimeUnit.SECONDS.toMillis(30), TimeUnit.SECONDS.toMillis(30));
    }

    public void put(String key, byte[] content, String contentType) {
        put(key, new ByteArrayInputStream(content), content.length, contentType);
    }

    /** Stores {@code size} bytes read from the stream (sent in parts: a large file is never read whole). */
    public void put(String key, InputStream content, long size, String contentType) {
        ensureBucket();
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(content, size, -1).contentType(contentType).build()));
    }

    public byte[] get(String key) {
        return call(() -> {
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return in.readAllBytes();
            }
        });
    }

    public boolean exists(String key) {
        try {
            client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NoSuchBucket".equals(e.errorResponse().code())) {
                return false;
            }
            throw new StorageUnavailableException(e);
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    public void delete(String key) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** A time-limited GET URL for one object; the bucket itself stays private. */
    public String presignedUrl(String key, int expirySeconds) {
        return call(() -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET).bucket(bucket).object(key).expiry(expirySeconds).build()));
    }

    /** Reachability for the health check: the bucket exists (created if missing). */
    public void ensureBucket() {
        if (bucketReady) {
            return;
        }
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(region).build());
            }
            return null;
        });
        bucketReady = true;
    }

    public String bucket() {
        return bucket;
    }

    private interface StorageCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(StorageCall<T> call) {
        try {
            return call.run();
        } catch (StorageUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** Object storage did not answer as expected; callers see a 503, never a 500. */
    public static class StorageUnavailableException extends FaceGateException {
        StorageUnavailableException(Exception cause) {
            super(ErrorKind.UNAVAILABLE, "storage_unavailable", "object storage is unavailable: " + cause.getMessage());
            initCause(cause);
        }
    }
}
