// The readable text of an HTML page, for `presslens batch` on a directory of .html files.
//
// A single linear scan over the markup: nothing is parsed into a DOM, executed or fetched.
// The contents of script, style, noscript, template, svg, math, head, iframe, object and
// textarea elements and comments are dropped; block elements (p, div, br, li, h1-h6, ...)
// become line breaks; the other tags are removed; character references are decoded (numeric
// ones and the common named ones; an unknown name is kept as written). Runs of spaces and
// tabs become one space, and at most one empty line separates blocks.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'head', 'iframe', 'object', 'textarea']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'td', 'th', 'title', 'tr', 'ul',
]);
const NAMED = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', hellip: '…',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', middot: '·', bull: '•', copy: '©', reg: '®',
  trade: '™', deg: '°', euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', para: '¶',
  eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä',
  atilde: 'ã', aring: 'å', ccedil: 'ç', iacute: 'í', igrave: 'ì', iuml: 'ï', oacute: 'ó',
  ograve: 'ò', ocirc: 'ô', ouml: 'ö', otilde: 'õ', oslash: 'ø', uacute: 'ú', ugrave: 'ù',
  ucirc: 'û', uuml: 'ü', ntilde: 'ñ', szlig: 'ß', Eacute: 'É', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü',
  thinsp: ' ', ensp: ' ', emsp: ' ', shy: '',
};

function decodeReference(html, at) {
  // html[at] is '&'; returns [text, length consumed].
  const end = html.indexOf(';', at);
  if (end < 0 || end - at > 32) return ['&', 1];
  const name = html.slice(at + 1, end);
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const valid = Number.isInteger(code) && code > 0 && code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF);
    return [valid ? String.fromCodePoint(code) : '\uFFFD', end - at + 1];
  }
  return Object.hasOwn(NAMED, name) ? [NAMED[name], end - at + 1] : ['&', 1];
}

function tagName(html, at) {
  // The lower-case name of the tag opening at html[at] === '<' (after an optional '/').
  let i = at + 1;
  if (html[i] === '/') ++i;
  const start = i;
  while (i < html.length && /[A-Za-z0-9]/.test(html[i])) ++i;
  return html.slice(start, i).toLowerCase();
}

/** The text of `html` as described above. */
export function htmlToText(html) {
  const out = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const stop = lt < 0 ? html.length : lt;
    for (let amp = html.indexOf('&', i); amp >= 0 && amp < stop;) {
      out.push(html.slice(i, amp));
      const [text, used] = decodeReference(html, amp);
      out.push(text);
      i = amp + used;
      amp = html.indexOf('&', i);
    }
    out.push(html.slice(i, stop));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt < 0) break;
    const name = tagName(html, lt);
    const closing = html[lt + 1] === '/';
    i = gt + 1;
    if (!closing && SKIPPED.has(name) && html[gt - 1] !== '/') {
      // Everything up to the matching end tag (or the end of the page) is dropped.
      let end = html.indexOf('</', i);
      while (end >= 0 && tagName(html, end) !== name) end = html.indexOf('</', end + 2);
      i = end < 0 ? html.length : (html.indexOf('>', end) + 1 || html.length);
    }
    if (BLOCKS.has(name)) out.push('\n');
  }
  return out.join('')
    .replace(/[ \t\f\v\r\u00A0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
