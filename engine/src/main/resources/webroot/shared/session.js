// Who is signed in. Both the portal and the console sign in with e-mail and password at
// POST /api/v1/sessions, which sets the HttpOnly session cookie; signing out deletes the session.
import { ApiError, api, del, post } from './api.js';

/**
 * The signed-in account, or null when there is no (valid) session.
 * @param {number} [timeoutMs] give up (status 0, unreachable) after this long
 */
export async function currentAccount(timeoutMs) {
  try {
    return await api('GET', '/api/v1/accounts/me', { timeoutMs });
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      return null;
    }
    throw e;
  }
}

export function signIn(email, password) {
  return post('/api/v1/sessions', { email, password });
}

export async function signOut() {
  try {
    await del('/api/v1/sessions/current');
  } catch (e) {
    // Already signed out (401) is what was asked for; anything else is worth showing.
    if (!(e instanceof ApiError) || e.status !== 401) {
      throw e;
    }
  }
}
