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
import java.util.function.Supplier;

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

    /** Done once the server listens, the client is built and the bucket is there; every request waits for it. */
    private final CompletableFuture<MinioClient> client;
    private final String bucket;

    /** Storage whose bucket is known to be there: nothing is asked of the server before the first request. */
    ObjectStorage(MinioClient client, String bucket) {
        this.client = CompletableFuture.completedFuture(client);
        this.bucket = bucket;
    }

    /**
     * Storage on a server that may still be starting ({@code serverStarted}): the client is built (OkHttp, TLS
     * trust) and the bucket checked once the server listens, on the thread that started it. At once, on this
     * thread, when the server is up already.
     */
    ObjectStorage(Supplier<MinioClient> client, String bucket, CompletableFuture<Void> serverStarted) {
        this.bucket = bucket;
        this.client = serverStarted.thenApply(started -> withBucket(client.get()));
    }

    /** Waits until the storage can serve; throws what kept it from starting. */
    void awaitReady() {
        client.join();
    }

    /** Creates the bucket when it is missing: what a node's storage does once its server listens. */
    private MinioClient withBucket(MinioClient started) {
        request(started, minio -> {
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
        return started;
    }

    public void put(String key, byte[] content, String contentType) {
        call(minio -> minio.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                .stream(new ByteArrayInputStream(content), content.length, -1)
                .contentType(contentType).build()));
    }

    public Optional<byte[]> get(String key) {
        return call(minio -> {
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
        return call(minio -> {
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
        call(minio -> {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /** An object's key and when it was last written. */
    public record StoredObject(String key, Instant lastModified) {
    }

    /** Every object whose key starts with {@code prefix}, at any depth: what the purge and an erasure go through. */
    public List<StoredObject> list(String prefix) {
        return call(minio -> {
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
        return call(minio -> minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    }

    public String bucket() {
        return bucket;
    }

    private <T> T call(StorageCall<T> call) {
        MinioClient started;
        try {
            started = client.join();
        } catch (CompletionException e) {
            throw new ObjectStorageUnavailable("Object storage did not start (bucket " + bucket + "): " + e.getCause().getMessage(), e.getCause());
        }
        return request(started, call);
    }

    private <T> T request(MinioClient minio, StorageCall<T> call) {
        try {
            return call.run(minio);
        } catch (IOException e) {
            throw new ObjectStorageUnavailable("Object storage unreachable (bucket " + bucket + "): " + e.getMessage(), e);
        } catch (Exception e) {
            throw new ObjectStorageUnavailable("Object storage refused the request (bucket " + bucket + "): " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T run(MinioClient minio) throws Exception;
    }
}
