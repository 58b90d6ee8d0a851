// The pages call the engine's public API, exactly as a trade system does: same routes, same
// problem+json errors. The session cookie (HttpOnly, SameSite=Strict) rides along by itself; the
// pages never see a token.

/** A refused call: the problem the engine answered, with the field errors by field. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.fieldErrors = new Map();
    // The engine's stable code of each field's (first) error: pages word it in the reader's
    // language where they have words for it (shared/forms.js), and keep the sentence otherwise.
    this.fieldCodes = new Map();
    (problem.errors || []).forEach(({ field, code, message }) => {
      const known = this.fieldErrors.get(field);
      this.fieldErrors.set(field, known ? `${known}; ${message}` : message);
      if (!known && code) {
        this.fieldCodes.set(field, code);
      }
    });
  }
}

/** A fresh key for one intended write: a retry of the same write sends the same key. */
export function idempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function answer(response) {
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof body === 'object' ? body : { title: response.statusText, detail: body };
    throw new ApiError(response.status, problem);
  }
  return body;
}

/**
 * Calls the API. A network failure (engine unreachable) becomes an ApiError with status 0, so the
 * page says "cannot reach the engine" instead of failing silently. With timeoutMs, a call that
 * hangs (a network that swallows packets never fails by itself) is given up and reported the same.
 */
export async function api(method, path, { body, key, headers = {}, timeoutMs } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (timeoutMs) {
    init.signal = AbortSignal.timeout(timeoutMs);
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (key) {
    init.headers['Idempotency-Key'] = key;
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Unreachable', detail: String(e.message || e) });
  }
  return answer(response);
}

/** Sends a file as it is (a batch CSV or XML), with its content type. */
export async function upload(path, file, contentType, key) {
  const headers = { Accept: 'application/json', 'Content-Type': contentType };
  if (key) {
    headers['Idempotency-Key'] = key;
  }
  let response;
  try {
    response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers, body: file });
  } catch (e) {
    throw new ApiError(0, { title: 'Unreachable', detail: String(e.message || e) });
  }
  return answer(response);
}

export const get = (path) => api('GET', path);
export const post = (path, body, key) => api('POST', path, { body, key });
export const put = (path, body, key) => api('PUT', path, { body, key });
export const del = (path, key) => api('DELETE', path, { key });
