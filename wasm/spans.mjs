// Nesting of highlight spans that may cross, shared by the CLI's --html page and the demo page.
//
// A span is any object with half-open UTF-16 offsets { start, end } and a numeric `layer`
// (smaller nests outside where two spans cover the same text). Spans nest by compareSpans:
// start ascending, end descending, layer.
// Where two spans cross, the one that sorts later is cut into pieces at the other one's end, so
// the output is always properly nested:
//
//   const segments = nestSpans(spans.sort(compareSpans), 0, text.length);
//   for (const { start, end, keep, open } of segments) {
//     close all open elements but the outermost `keep`;
//     open one element per span in `open` (outermost first; a span whose start < segment start
//     is a continuation piece);
//     write text.slice(start, end) inside the innermost one;
//   }

/** The nesting order: start ascending, end descending, then layer ascending. */
export function compareSpans(a, b) {
  return a.start - b.start || b.end - a.end || a.layer - b.layer;
}

/**
 * Cuts [from, to) at every span boundary inside it and returns the segments in text order:
 * { start, end, keep, open }. `keep` is how many of the spans open in the previous segment
 * (outermost first) stay open; `open` lists the spans opened at `start`, outermost first.
 * `spans` must be sorted by compareSpans; empty spans and spans outside [from, to) are skipped.
 */
export function nestSpans(spans, from, to) {
  const cuts = [from, to];
  for (const s of spans) {
    if (s.start > from && s.start < to) cuts.push(s.start);
    if (s.end > from && s.end < to) cuts.push(s.end);
  }
  cuts.sort((a, b) => a - b);
  const segments = [];
  let stack = [];
  let active = [];
  let next = 0;
  for (let k = 0; k < cuts.length; k++) {
    const p = cuts[k];
    if (p >= to || (k > 0 && p === cuts[k - 1])) continue;
    if (active.some((s) => s.end <= p)) active = active.filter((s) => s.end > p);
    let joined = false;
    while (next < spans.length && spans[next].start <= p) {
      const s = spans[next++];
      if (s.end > p && s.end > s.start) { active.push(s); joined = true; }
    }
    if (joined) active.sort(compareSpans);
    let keep = 0;
    while (keep < stack.length && keep < active.length && stack[keep] === active[keep]) keep++;
    let end = to;
    for (let m = k + 1; m < cuts.length; m++) if (cuts[m] > p) { end = cuts[m]; break; }
    segments.push({ start: p, end, keep, open: active.slice(keep) });
    stack = active.slice();
  }
  return segments;
}
