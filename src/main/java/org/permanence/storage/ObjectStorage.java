package org.permanence.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import org.permanence.system.ObjectStorageUnavailable;

/**
 * Every stored file (documents, letters, archived mails) goes through here, always over the S3 API,
 * whether the server is the embedded one or a real MinIO. Keys are built by the features from ids,
 * never from names a user typed.
 */
public class ObjectStorage {

    private final MinioClient minio;
    private final String bucket;
    /** Done once the server listens and the bucket is there; every request waits for it. */
    private final CompletableFuture<Void> ready;

    public ObjectStorage(MinioClient minio, String bucket) {
        this.minio = minio;
        this.bucket = bucket;
        this.ready = CompletableFuture.completedFuture(null);
    }

    /**
     * Storage on a server that may still be starting ({@code serverStarted}): the bucket is checked once it
     * listens, and requests wait until then. At once (on this thread) when the server is up already.
     */
    ObjectStorage(MinioClient minio, String bucket, CompletableFuture<Void> serverStarted) {
        this.minio = minio;
        this.bucket = bucket;
        this.ready = serverStarted.thenRun(this::ensureBucket);
    }

    /** Waits until the storage can serve; throws what kept it from starting. */
    void awaitReady() {
        ready.join();
    }

    /** Creates the bucket when it is missing; called once at start-up, by every node. */
    public void ensureBucket() {
        request(() -> {
            if (!minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                try {
                    minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                } catch (ErrorResponseException e) {
                    // nodes starting together: another one made it between our question and our request
                    if (!"BucketAlreadyOwnedByYou".equals(e.errorResponse().code())) {
                        throw e;
                    }
                }
            }
            return null;
        });
    }

    public void put(String key, byte[] content, String contentType) {
        call(() -> minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(contentType).build()));
    }

    public Optional<byte[]> get(String key) {
        return call(() -> {
            try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
                return Optional.of(in.readAllBytes());
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    public boolean exists(String key) {
        return call(() -> {
            try {
                minio.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
                return true;
            } catch (ErrorResponseException e) {
                if ("NoSuchKey".equals(e.errorResponse().code())) {
                    return false;
                }
                throw e;
            }
        });
    }

    public void delete(String key) {
        call(() -> {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** An object's key and when it was last written. */
    public record StoredObject(String key, Instant lastModified) {
    }

    /** Every object whose key starts with {@code prefix}, at any depth: what the purge and an erasure go through. */
    public List<StoredObject> list(String prefix) {
        return call(() -> {
            List<StoredObject> found = new ArrayList<>();
            for (Result<Item> result : minio.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    found.add(new StoredObject(item.objectName(), item.lastModified().toInstant()));
                }
            }
            return found;
        });
    }

    /** Answers whether the bucket is reachable; used by the health check. */
    public boolean reachable() {
        return call(() -> minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    public String bucket() {
        return bucket;
    }

    private <T> T call(StorageCall<T> call) {
        try {
            ready.join();
        } catch (CompletionException e) {
            throw new ObjectStorageUnavailable("Object storage did not start (bucket " + bucket + "): " + e.getCause().getMessage(), e.getCause());
        }
        return request(call);
    }

    private <T> T request(StorageCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new ObjectStorageUnavailable("Object storage unreachable (bucket " + bucket + "): " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStorageUnavailable("Object storage refused the request (bucket " + bucket + "): " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T run() throws Exception;
    }
}
