// One Idempotency-Key per intended write. If the engine could not be reached, the same body sent
// again reuses the key: the first attempt may have landed, and the engine then answers it again
// instead of lodging twice. Any answer from the engine ends the write; a changed body is a new one.
import { idempotencyKey } from '/shared/api.js';

export class IntendedWrite {
  constructor() {
    this.done();
  }

  /** The key for this body: the pending one if this is a retry of the same body, else a fresh one. */
  keyFor(body) {
    const fingerprint = typeof body === 'string' ? body : JSON.stringify(body);
    if (fingerprint !== this.fingerprint) {
      this.fingerprint = fingerprint;
      this.key = idempotencyKey();
    }
    return this.key;
  }

  /** After an answer (yes or no), a press of the button is a new intention. */
  done() {
    this.fingerprint = null;
    this.key = null;
  }

  /** Runs one attempt; keeps the key only when the engine was unreachable (status 0). */
  async send(body, call) {
    const key = this.keyFor(body);
    try {
      const answer = await call(key);
      this.done();
      return answer;
    } catch (e) {
      if (e.status !== 0) {
        this.done();
      }
      throw e;
    }
  }
}
