package hk.seamless.access;

import hk.seamless.rules.RuleViolation;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where passwords are hashed: a small pool of its own with a short queue. The hash is slow on
 * purpose, so it must not run on the Vert.x worker pool that everything else shares: a crowd of
 * guessers would then slow every lodgement. When the queue is full the sign-in or registration is
 * refused at once (429 with Retry-After), not queued behind the crowd.
 */
public final class PasswordWork {

    private final ThreadPoolExecutor pool;

    public PasswordWork(int threads, int queued) {
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queued),
                r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        // Idle between sign-ins: no thread is kept for nothing.
        pool.allowCoreThreadTimeOut(true);
    }

    /** Two threads (the machines have two cores to share) and room for 32 waiting. */
    public static PasswordWork standard() {
        return new PasswordWork(2, 32);
    }

    /** Runs {@code work} on the pool; the future completes on {@code context} (the request's). */
    public <T> Future<T> run(Context context, Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(work.get());
                } catch (RuntimeException | Error e) {
                    result.completeExceptionally(e);
                }
            });
            return Future.fromCompletionStage(result, context);
        } catch (RejectedExecutionException full) {
            return Future.failedFuture(RuleViolation.tooManyAttempts(
                    "the engine is checking too many passwords at once; try again in a moment", Duration.ofSeconds(1)));
        }
    }
}
