// The extension's service worker. The toolbar button toggles the analysis of the tab it is
// clicked in: the first click injects content.js (which finds the article with Readability and
// highlights it) and opens the side panel; the next click clears the highlights. The analysis
// itself runs here, off the page's main thread, with the WebAssembly core bundled into this
// file: the page's text comes in by an extension message and never leaves the browser.
import { createAnalyzer } from '../wasm/index.mjs';
import { MAX_ARTICLE_LENGTH } from './limits.mjs';

let analyzer = null;

/** Highlights the page in tab `tabId`, or clears it when it is highlighted; resolves to the new state. */
async function toggle(tabId) {
  const target = { tabId };
  await chrome.scripting.executeScript({ target, files: ['content.js'] });
  const [{ result: on }] = await chrome.scripting.executeScript({ target, func: () => globalThis.presslensPage.active() });
  if (on) {
    await chrome.scripting.executeScript({ target, func: () => globalThis.presslensPage.clear() });
    await chrome.scripting.removeCSS({ target, files: ['highlight.css'] });
    return 'off';
  }
  await chrome.scripting.removeCSS({ target, files: ['highlight.css'] });  // left by the panel's "Clear"
  await chrome.scripting.insertCSS({ target, files: ['highlight.css'] });
  const [{ result: status }] = await chrome.scripting.executeScript({ target, func: () => globalThis.presslensPage.analyse() });
  return status;
}

chrome.action.onClicked.addListener((tab) => {
  // Opening the panel needs the click's user gesture, so it comes before any await. (Firefox
  // has no chrome.sidePanel: its sidebar is opened by the user.)
  chrome.sidePanel?.open({ tabId: tab.id }).catch(() => {});
  toggle(tab.id).then(() => showError(tab.id, ''), (e) => showError(tab.id, String(e?.message ?? e)));
});

// A page the browser does not let extensions read (its own pages, the web store) gets a "!" on
// the button, the reason in its tooltip.
function showError(tabId, message) {
  chrome.action.setBadgeText({ tabId, text: message ? '!' : '' }).catch(() => {});
  chrome.action.setTitle({ tabId, title: message ? `presslens cannot read this page: ${message}` : chrome.runtime.getManifest().action.default_title }).catch(() => {});
}

async function analyse(text) {
  analyzer ??= createAnalyzer({ maxLength: MAX_ARTICLE_LENGTH });
  try {
    return { result: (await analyzer).analyze(text) };
  } catch (e) {
    if (!(await analyzer.catch(() => null))) analyzer = null;  // load again next time
    return { error: String(e?.message ?? e) };
  }
}

// Only this extension's own content script asks for an analysis.
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  if (sender.id !== chrome.runtime.id || !sender.tab || message?.type !== 'presslens:analyse') return false;
  analyse(String(message.text)).then(reply);
  return true;
});

