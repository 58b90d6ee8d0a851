package hk.seamless.lanesim;

/** One lane as GET /api/v1/settings tells it: "LMC-S-01", control point "LMC", direction IMPORT or EXPORT. */
record LaneInfo(String id, String controlPoint, String direction) {}
