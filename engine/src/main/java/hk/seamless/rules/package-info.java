/**
 * How the engine refuses a request, below every package that refuses one: a field's error with its
 * stable code ({@link hk.seamless.rules.FieldError}), input that is not well formed
 * ({@link hk.seamless.rules.InvalidInputException}, a 400) and a well-formed request the rules refuse
 * ({@link hk.seamless.rules.RuleViolation}, a 404/403/409/422/429). The HTTP layer turns them into
 * problem+json; the rules never speak HTTP.
 */
package hk.seamless.rules;
