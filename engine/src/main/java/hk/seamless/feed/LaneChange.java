package hk.seamless.feed;

import hk.seamless.config.Direction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One change of the registry as the lane side needs it: what a lane decides with, already in the
 * form it compares (canonical marks, canonical party names and goods text), never the registry's
 * own records. This is the contract between the registry and every lane engine: the embedded one
 * today, remote ones over Apache Kafka later ({@link FeedCodec} is its wire form). Each event is
 * idempotent when applied to a lane view (applying it twice leaves what applying it once did), so
 * a replay after a crash is harmless.
 *
 * <p>Depends on nothing in the engine but {@link Direction}: a remote consumer needs this package
 * and the lane classes only.
 */
public sealed interface LaneChange {

    /**
     * A bundle became ACTIVE: the vehicle is expected at a lane for the direction.
     *
     * @param vehicleMark        canonical (upper case, no spaces): the key the lane looks it up by
     * @param earliestCrossingAt not released before this instant
     * @param riskHits           the assessment at bundling, kept for officers
     * @param trucker            the account id of the trucker who bundled ("" when not known)
     */
    record BundleActivated(
            String bundleId,
            String vehicleMark,
            Direction direction,
            Instant earliestCrossingAt,
            boolean empty,
            List<String> ccrns,
            List<String> riskHits,
            String trucker)
            implements LaneChange {
        public BundleActivated {
            require(bundleId, "bundleId");
            require(vehicleMark, "vehicleMark");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(earliestCrossingAt, "earliestCrossingAt");
            ccrns = List.copyOf(ccrns == null ? List.of() : ccrns);
            riskHits = List.copyOf(riskHits == null ? List.of() : riskHits);
            trucker = trucker == null ? "" : trucker;
        }
    }

    /** A bundle stopped being ACTIVE (USED by a crossing, UNBUNDLED by its trucker): no longer released. */
    record BundleEnded(String bundleId, String vehicleMark, Direction direction, String status) implements LaneChange {
        public BundleEnded {
            require(bundleId, "bundleId");
            require(vehicleMark, "vehicleMark");
            Objects.requireNonNull(direction, "direction");
            require(status, "status");
        }
    }

    /** A vehicle registered (with its RFID tag, or null when it has none). */
    record VehicleRegistered(String mark, String rfidTag) implements LaneChange {
        public VehicleRegistered {
            require(mark, "mark");
        }
    }

    /**
     * A consignment entered BUNDLED. The parties and goods are canonical
     * ({@code PartyNames.canonical}), the form the watch list and targeting rules are compared in.
     *
     * @param owner the account id of the shipper or agent who lodged it ("" when not known)
     */
    record ConsignmentBundled(
            String ccrn, LocalDate expectedDate, String consignor, String consignee, String owner, String goods)
            implements LaneChange {
        public ConsignmentBundled {
            require(ccrn, "ccrn");
            Objects.requireNonNull(expectedDate, "expectedDate");
            consignor = consignor == null ? "" : consignor;
            consignee = consignee == null ? "" : consignee;
            owner = owner == null ? "" : owner;
            goods = goods == null ? "" : goods;
        }
    }

    /** A consignment left BUNDLED (unbundled, crossed, cancelled): its CCRN is no longer valid at a lane. */
    record ConsignmentUnbundled(String ccrn, String status) implements LaneChange {
        public ConsignmentUnbundled {
            require(ccrn, "ccrn");
            require(status, "status");
        }
    }

    /** An account was suspended: its bundles and consignments are referred at the lane. */
    record AccountSuspended(String accountId) implements LaneChange {
        public AccountSuspended {
            require(accountId, "accountId");
        }
    }

    /** An account is (again) not suspended. */
    record AccountReinstated(String accountId) implements LaneChange {
        public AccountReinstated {
            require(accountId, "accountId");
        }
    }

    /** A watch-list entry or targeting rule (GOODS) came into force, by its canonical value. */
    record WatchEntryAdded(String entryId, WatchKind kind, String canonicalValue) implements LaneChange {
        public WatchEntryAdded {
            require(entryId, "entryId");
            Objects.requireNonNull(kind, "kind");
            require(canonicalValue, "canonicalValue");
        }
    }

    /** A watch-list entry or targeting rule was removed. */
    record WatchEntryRemoved(String entryId) implements LaneChange {
        public WatchEntryRemoved {
            require(entryId, "entryId");
        }
    }

    /** A control point's random-selection rate was set; a null rate means back to the configured default. */
    record RandomRateChanged(String controlPoint, Double rate) implements LaneChange {
        public RandomRateChanged {
            require(controlPoint, "controlPoint");
        }
    }

    /** A released truck crossed: what a lane engine at another control point needs to know later. */
    record CrossingRecorded(String bundleId, String controlPoint, String lane, String arrivalId, Instant at)
            implements LaneChange {
        public CrossingRecorded {
            require(bundleId, "bundleId");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * One bundle was released at two lanes (lane engines cut off from each other): the registry
     * recorded the first as the crossing and suspects a cloned plate. Not state: an alert for the
     * officers and supervisors at every lane console.
     */
    record CloneSuspected(String bundleId, String detail) implements LaneChange {
        public CloneSuspected {
            require(bundleId, "bundleId");
            detail = detail == null ? "" : detail;
        }
    }

    private static void require(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a lane change needs " + field);
        }
    }
}
