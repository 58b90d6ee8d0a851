// The live feed (/console/v1/feed): a WebSocket that reconnects by itself. The board must never
// look live when it is not, so every change of state is reported to the page, which says it.
//
// Before each reconnect attempt a plain API call probes the engine: a browser hides why a
// WebSocket handshake failed, but the probe tells "engine unreachable" (keep trying, backing off)
// apart from "session over" (sign in again), and it keeps failed handshakes out of the console.
import { currentAccount } from '/shared/session.js';

const FIRST_DELAY_MS = 500;
/** Heartbeats missed before a silent feed is taken for dead (the engine says how often it beats). */
const MISSED_HEARTBEATS = 3;
const DEFAULT_HEARTBEAT_MS = 10_000;
/** How long the reconnect probe may hang on a network that swallows packets before trying again. */
const PROBE_TIMEOUT_MS = 5_000;
const MAX_DELAY_MS = 10_000;
const CONSOLE_ROLES = ['OFFICER', 'SUPERVISOR'];

function feedUrl() {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/console/v1/feed`;
}

/**
 * Opens the feed at once and keeps it open until stop().
 * @param {object} handlers
 * @param {(message: object) => void} handlers.onMessage every message, parsed
 * @param {(state: {state: string, attempt?: number, nextTryMs?: number, dropped?: boolean}) => void} handlers.onState
 *   'connecting', 'live' (open: the page should catch up on what it missed), or 'down'
 * @param {() => void} handlers.onSignedOut the session ended (or the account may no longer watch lanes)
 */
export function connectFeed({ onMessage, onState, onSignedOut }) {
  let socket = null;
  let timer = null;
  let stopped = false;
  let delay = FIRST_DELAY_MS;
  let attempt = 0;
  let dropped = false;
  let heartbeatMs = DEFAULT_HEARTBEAT_MS;
  let lastHeard = 0;
  let startedAt = 0;

  function open() {
    onState({ state: 'connecting', attempt, dropped });
    startedAt = Date.now();
    const ws = new WebSocket(feedUrl());
    socket = ws;
    ws.addEventListener('open', () => {
      lastHeard = Date.now();
      delay = FIRST_DELAY_MS;
      attempt = 0;
      dropped = false;
      onState({ state: 'live' });
    });
    ws.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return; // not ours to show; the engine only sends JSON
      }
      lastHeard = Date.now();
      if (message.kind === 'hello' && Number.isFinite(message.heartbeatMillis) && message.heartbeatMillis > 0) {
        heartbeatMs = message.heartbeatMillis;
      }
      if (message.kind !== 'heartbeat') {
        onMessage(message);
      }
    });
    ws.addEventListener('close', () => {
      if (socket !== ws) {
        return;
      }
      socket = null;
      if (!stopped) {
        dropped = true;
        schedule();
      }
    });
  }

  /** Waits, with exponential back-off and jitter, so that many consoles do not reconnect in step. */
  function schedule() {
    const wait = Math.round(delay / 2 + Math.random() * (delay / 2));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
    onState({ state: 'down', attempt, nextTryMs: wait, dropped });
    clearTimeout(timer);
    timer = setTimeout(tryAgain, wait);
  }

  async function tryAgain() {
    timer = null;
    if (stopped) {
      return;
    }
    attempt += 1;
    onState({ state: 'connecting', attempt, dropped });
    let account;
    try {
      account = await currentAccount(PROBE_TIMEOUT_MS);
    } catch (e) {
      // The engine cannot be reached (or answered an error): it is not back yet.
      if (!stopped) {
        schedule();
      }
      return;
    }
    if (stopped) {
      return;
    }
    if (!account || !CONSOLE_ROLES.includes(account.role)) {
      stopped = true;
      onSignedOut();
      return;
    }
    open();
  }

  /**
   * A connection can die without closing (a tablet roaming, a proxy dropping idle sockets); the
   * browser would go on showing it open. Silence for several heartbeats means dead, and so does a
   * handshake that hangs: let go of the socket at once (a close handshake with a dead peer can take
   * minutes) and reconnect.
   */
  const watchdog = setInterval(() => {
    if (!socket) {
      return;
    }
    const silentTooLong = socket.readyState === WebSocket.OPEN && Date.now() - lastHeard > MISSED_HEARTBEATS * heartbeatMs;
    const handshakeHangs = socket.readyState === WebSocket.CONNECTING && Date.now() - startedAt > PROBE_TIMEOUT_MS;
    if (silentTooLong || handshakeHangs) {
      const silent = socket;
      socket = null;
      silent.close(4000, 'no heartbeat');
      dropped = true;
      schedule();
    }
  }, 1_000);

  // A laptop or tablet waking up, or its network coming back: try at once rather than wait out the back-off.
  const onOnline = () => {
    if (!stopped && !socket && timer) {
      reconnectNow();
    }
  };
  window.addEventListener('online', onOnline);

  function reconnectNow() {
    if (stopped || socket) {
      return;
    }
    clearTimeout(timer);
    delay = FIRST_DELAY_MS;
    tryAgain();
  }

  open();

  return {
    reconnectNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      window.removeEventListener('online', onOnline);
      if (socket) {
        const ws = socket;
        socket = null;
        ws.close(1000, 'signed out');
      }
    },
  };
}
