package hk.seamless.trade;

/** Cargo in packages: pieces 1 to 3 (description of packages, number of packages, articles in each). */
public record PackagedCargo(String packageDescription, long packageCount, String articlesDescription) {}
