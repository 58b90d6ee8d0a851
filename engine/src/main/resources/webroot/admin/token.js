// The admin token: the administrator's only credential (no password). It is kept in
// sessionStorage, so it lives as long as this tab and is never written to disk by the page, and it
// is sent as a bearer token exactly as a system would send it: the desk has no back door.
import { ApiError, api, idempotencyKey } from '/shared/api.js';

const KEY = 'seamless.adminToken';

export function storedToken() {
  return sessionStorage.getItem(KEY);
}

export function keepToken(token) {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken() {
  sessionStorage.removeItem(KEY);
}

let onRefused = () => {};

/** Called when the engine stops accepting the stored token (changed, or never right). */
export function whenRefused(handler) {
  onRefused = handler;
}

/** True for the answers that mean "this token is not the admin's". */
export function refusal(error) {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/**
 * Calls the API as the admin. Every write carries an idempotency key: the caller's, when a retry
 * must be recognised as the same write, else a fresh one.
 */
export async function adminCall(method, path, body, token = storedToken(), key = undefined) {
  try {
    return await api(method, path, {
      body,
      key: method === 'GET' ? undefined : (key || idempotencyKey()),
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch (e) {
    if (refusal(e) && token === storedToken()) {
      onRefused();
    }
    throw e;
  }
}
