package hk.seamless.lanesim;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After a run over lane engines: was every crossing they released recorded at the registry, and
 * exactly once? Each released bundle must reach status USED there (the lane engines' reports come
 * over Kafka, later for those kept while cut off: waited for up to {@code patience}), and its audit
 * must show one CROSSED entry and no SUSPECTED_CLONE (each bundle was released once in the run).
 */
final class CrossingCheck {

    static final int PARALLEL = 8;
    static final int EXAMPLES = 10;

    /**
     * @param released  bundles the lane engines released
     * @param used      of those, USED at the registry
     * @param once      of those, with exactly one CROSSED entry in the registry's audit
     * @param clones    SUSPECTED_CLONE entries among them
     * @param waitedMillis how long it took for the last to be USED (or the patience, if some never were)
     */
    record Findings(long released, long used, long once, long clones, long waitedMillis, List<String> examples) {

        boolean allRecordedOnce() {
            return used == released && once == released && clones == 0;
        }

        JsonObject json() {
            return new JsonObject()
                    .put("released", released)
                    .put("used", used)
                    .put("crossedOnce", once)
                    .put("suspectedClones", clones)
                    .put("waitedMillis", waitedMillis)
                    .put("allRecordedOnce", allRecordedOnce())
                    .put("examples", new JsonArray(examples));
        }
    }

    private CrossingCheck() {}

    static Findings check(EngineSetup registry, Set<String> released, Duration patience) throws Exception {
        List<String> examples = Collections.synchronizedList(new ArrayList<>());
        List<String> waiting = new ArrayList<>(released);
        long t0 = System.nanoTime();
        long deadline = t0 + patience.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            while (!waiting.isEmpty()) {
                List<Future<Boolean>> used = new ArrayList<>();
                for (String id : waiting) {
                    used.add(pool.submit(() -> "USED".equals(registry.bundleStatus(id))));
                }
                List<String> still = new ArrayList<>();
                for (int i = 0; i < waiting.size(); i++) {
                    if (!used.get(i).get()) {
                        still.add(waiting.get(i));
                    }
                }
                waiting = still;
                if (waiting.isEmpty() || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(500);
            }
            long waited = (System.nanoTime() - t0) / 1_000_000;
            waiting.stream()
                    .limit(EXAMPLES)
                    .forEach(id -> examples.add("bundle " + id + " was released but is not USED at the registry"));
            List<Future<long[]>> audits = new ArrayList<>();
            List<String> all = new ArrayList<>(released);
            for (String id : all) {
                audits.add(pool.submit(() -> {
                    long[] n = new long[2];
                    String cursor = null;
                    do {
                        String body = registry.bundleAuditPage(id, cursor);
                        n[0] += count(body, "CROSSED", id);
                        n[1] += count(body, "SUSPECTED_CLONE", id);
                        cursor = new JsonObject(body).getValue("next") instanceof String next ? next : null;
                    } while (cursor != null);
                    return n;
                }));
            }
            long once = 0;
            long clones = 0;
            for (int i = 0; i < all.size(); i++) {
                long[] n = audits.get(i).get();
                if (n[0] == 1) {
                    once++;
                } else if (examples.size() < EXAMPLES) {
                    examples.add("bundle " + all.get(i) + " has " + n[0] + " CROSSED entries at the registry");
                }
                clones += n[1];
                if (n[1] > 0 && examples.size() < EXAMPLES) {
                    examples.add("bundle " + all.get(i) + " was raised as a suspected clone");
                }
            }
            return new Findings(
                    released.size(), released.size() - waiting.size(), once, clones, waited, List.copyOf(examples));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Audit entries of one action about one bundle (their subject) in a GET /api/v1/audit answer. */
    static long count(String auditJson, String action, String bundleId) {
        if (!(new JsonObject(auditJson).getValue("entries") instanceof JsonArray entries)) {
            return 0;
        }
        return entries.stream()
                .filter(e -> e instanceof JsonObject entry
                        && action.equals(entry.getValue("action"))
                        && bundleId.equals(entry.getValue("subject")))
                .count();
    }
}
