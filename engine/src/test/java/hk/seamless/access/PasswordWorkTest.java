package hk.seamless.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hk.seamless.rules.RuleViolation;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hashing pool is bounded: past its queue a hash is refused at once (429), never queued without end. */
class PasswordWorkTest {

    @Test
    void aFullQueueIsRefusedAtOnceAndTheRestStillRun() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context context = vertx.getOrCreateContext();
            PasswordWork work = new PasswordWork(1, 1);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            Future<String> running = work.run(context, () -> {
                started.countDown();
                await(release);
                return "first";
            });
            assertTrue(started.await(30, TimeUnit.SECONDS));
            Future<String> queued = work.run(context, () -> "second");
            Future<String> refused = work.run(context, () -> "third");

            assertTrue(refused.failed(), "the third has no room: refused at once");
            RuleViolation violation = assertInstanceOf(RuleViolation.class, refused.cause());
            assertEquals(RuleViolation.Kind.TOO_MANY_ATTEMPTS, violation.kind());

            release.countDown();
            assertEquals(
                    "first", running.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
            assertEquals(
                    "second", queued.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
