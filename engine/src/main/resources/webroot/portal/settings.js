// The engine's rule settings, above all its "today" in Hong Kong: the lodgement window is checked
// against the engine's calendar, never the browser's clock (which may be wrong or in another zone).
import { get } from '/shared/api.js';

let current = null;

/** Fetches the settings again; views call this when they open, so a page left open overnight catches up. */
export async function refreshSettings() {
  current = await get('/api/v1/settings');
  return current;
}

/** The engine's Hong Kong date (YYYY-MM-DD) when last asked, or null before the first answer. */
export function engineToday() {
  return current ? current.hongKongDate : null;
}

/** The lodgement window as an ISO-8601 period ("P14D"); 14 days until the engine has said. */
export function lodgementWindow() {
  return (current && current.lodgementWindow) || 'P14D';
}
