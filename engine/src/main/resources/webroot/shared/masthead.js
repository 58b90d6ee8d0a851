// The bar at the top of every page: product, area, who is signed in, sign out, and the language
// switch, which is on every page so nobody has to sign in to change language.
import { languageSwitch, t, translate } from './i18n.js';

/**
 * Fills <header class="masthead"> once; call showAccount() after sign-in and sign-out.
 * @param {string} areaKey i18n key of the area's name ("console.title", "portal.title")
 * @param {() => void} onSignOut called when the sign-out button is pressed
 */
export function masthead(header, areaKey, onSignOut) {
  header.innerHTML = `
    <div class="product"><span data-i18n="product.name"></span><small data-i18n="${areaKey}"></small></div>
    <span class="who" aria-live="polite"></span>
    <button type="button" class="sign-out" data-i18n="signout" hidden></button>
    <div class="language-switch"></div>`;
  translate(header);
  languageSwitch(header.querySelector('.language-switch'));
  header.querySelector('.sign-out').addEventListener('click', onSignOut);
  const who = header.querySelector('.who');
  let account = null;
  const render = () => {
    who.textContent = account ? t('signedin.as', { name: account.name, role: t(`role.${account.role}`) }) : '';
  };
  document.addEventListener('languagechange', render);
  return {
    showAccount(signedIn) {
      account = signedIn;
      header.querySelector('.sign-out').hidden = !signedIn;
      render();
    },
  };
}
