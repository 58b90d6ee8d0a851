package hk.seamless.access;

/** Who is calling: an ACTIVE account and its role, as found from its token or session. */
public record Principal(String accountId, Role role) {}
