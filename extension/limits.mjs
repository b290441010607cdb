// The longest article text the extension analyses, in UTF-16 code units. A longer article is
// analysed up to the last text node that fits (the panel says how much of it), which keeps the
// page's highlighting and the messages carrying the result to a size a browser handles at once.
export const MAX_ARTICLE_LENGTH = 1_000_000;
