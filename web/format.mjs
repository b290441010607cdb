// Number and text formatting for the page's labels (pure).

export const fmt = new Intl.NumberFormat('en');

/** "1 quote", "2,000 quotes". */
export const plural = (n, one, many = `${one}s`) => `${fmt.format(n)} ${n === 1 ? one : many}`;

/** `s` cut to at most `n` characters, with an ellipsis where it was cut. */
export const snippet = (s, n = 160) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);
