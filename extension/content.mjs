// The content script: injected by the toolbar button (background.mjs) into the tab it is clicked
// in, once per page. It keeps the page's analysis: finds the article (extract.mjs), has the
// service worker analyse its text, highlights the findings (highlight.mjs), and answers the side
// panel (panel.mjs): the state, and "show this finding".
import { entityIndex } from '../web/models.mjs';
import { collectSpans } from '../web/view.mjs';
import { extractArticle } from './extract.mjs';
import { highlight, unhighlight } from './highlight.mjs';
import { MAX_ARTICLE_LENGTH } from './limits.mjs';

function createPage() {
  // status: 'off' | 'busy' | 'done' | 'error'
  let state = { status: 'off' };
  let drawn = null;     // { undo, heads } while highlighted
  let run = 0;          // the current analysis; a clear or a new one makes older ones stale
  const nextMention = new Map();  // entity id -> the mention the panel shows next

  const publish = (next) => {
    state = next;
    chrome.runtime.sendMessage({ type: 'presslens:state', state }).catch(() => {});  // no panel open
  };

  async function analyse() {
    if (state.status === 'busy' || state.status === 'done') return state.status;
    const mine = ++run;
    const page = { url: location.href, title: document.title };
    publish({ status: 'busy', ...page });
    try {
      const article = extractArticle(document, MAX_ARTICLE_LENGTH);
      if (!article || article.text.trim() === '') {
        publish({ status: 'error', ...page, error: 'No article found on this page.' });
        return state.status;
      }
      const { result, error } = await chrome.runtime.sendMessage({ type: 'presslens:analyse', text: article.text });
      if (mine !== run) return state.status;
      if (error) throw new Error(error);
      const byId = entityIndex(result);
      const view = await collectSpans(article.text, result);
      drawn = await highlight(article.pieces, view, byId);
      if (mine !== run) { unhighlight(drawn.undo); drawn = null; return state.status; }
      publish({
        status: 'done', ...page, title: article.title || page.title, text: article.text,
        length: article.length, truncated: article.truncated, result,
      });
    } catch (e) {
      if (mine === run) publish({ status: 'error', ...page, error: String(e?.message ?? e) });
    }
    return state.status;
  }

  function clear() {
    run++;
    if (drawn) unhighlight(drawn.undo);
    drawn = null;
    nextMention.clear();
    publish({ status: 'off' });
  }

  let focused = null;
  function reveal({ kind, id }) {
    if (!drawn) return false;
    let key = `${kind}:${id}`;
    if (kind === 'entity') {
      const mentions = state.result.entities.find((e) => e.id === id)?.mentions.length ?? 0;
      const i = nextMention.get(id) ?? 0;
      nextMention.set(id, (i + 1) % Math.max(1, mentions));
      key = `mention:${id}:${i}`;
    }
    const node = drawn.heads.get(key);
    if (!node?.isConnected) return false;
    focused?.removeAttribute('data-presslens-focus');
    node.setAttribute('data-presslens-focus', '');
    focused = node;
    node.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }

  chrome.runtime.onMessage.addListener((message, sender, reply) => {
    if (sender.id !== chrome.runtime.id) return false;
    if (message?.type === 'presslens:get-state') reply(state);
    else if (message?.type === 'presslens:reveal') reply(reveal(message));
    else if (message?.type === 'presslens:clear') { clear(); reply(state); }
    return false;
  });

  return { analyse, clear, active: () => state.status === 'busy' || state.status === 'done' };
}

globalThis.presslensPage ??= createPage();
