package hk.seamless.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * How to close the sockets people hold open with their account (the officers' console feed), by
 * what keeps them entitled: the account itself, and the credential the socket was opened with. A
 * socket's account is checked only at its handshake, so losing the account or the credential must
 * close it. The accounts' counterpart of the lane devices' connections ({@code Devices.whileConnected}).
 */
final class AccountSockets {

    private final Map<String, Set<Consumer<String>>> byEntitlement = new ConcurrentHashMap<>();

    /** Lost when the account is suspended. */
    static String account(String accountId) {
        return "account " + accountId;
    }

    /** Lost when the account's API tokens are rotated or revoked. */
    static String tokensOf(String accountId) {
        return "tokens " + accountId;
    }

    /** Lost when this session (by its hash) is logged out. */
    static String session(String sessionHash) {
        return "session " + sessionHash;
    }

    /**
     * Registers how to close (given why) a socket that stays open only while every entitlement
     * given holds; the returned action unregisters it (call it when the socket closes by itself).
     */
    Runnable whileEntitled(List<String> entitlements, Consumer<String> close) {
        for (String e : entitlements) {
            byEntitlement.computeIfAbsent(e, k -> ConcurrentHashMap.newKeySet()).add(close);
        }
        return () -> {
            for (String e : entitlements) {
                byEntitlement.computeIfPresent(e, (k, set) -> {
                    set.remove(close);
                    return set.isEmpty() ? null : set;
                });
            }
        };
    }

    /** Closes every socket that depended on the entitlement, saying why: call once its loss is durable. */
    void lost(String entitlement, String why) {
        Set<Consumer<String>> open = byEntitlement.remove(entitlement);
        if (open != null) {
            open.forEach(close -> close.accept(why));
        }
    }
}
