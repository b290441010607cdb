// The analysis client: the page's side of the package's worker (../wasm/worker.mjs), asked for
// results as JSON parts (reply: 'parts') so a large result is parsed between frames.
// One request is in flight at a time; while it runs only the newest text waits, and the answer
// to anything but the newest request is dropped.

/**
 * createWorker() returns a Worker-like object (postMessage, onmessage, onerror, terminate);
 * options go with the first message to each new worker. onAnswer(job, data, ms) receives the
 * newest request's answer ({ text } of the job; data as the worker posts it); onCrash() is
 * called when the worker fails to load or dies (a new one starts on the next request).
 */
export function createAnalysisClient({ createWorker, options, onAnswer, onCrash }) {
  let worker = null;
  let optionsSent = false;
  let nextId = 0;
  let latestId = 0;
  let inflight = null;
  let waiting = null;

  function start() {
    worker = createWorker();
    optionsSent = false;
    worker.onmessage = ({ data }) => {
      const job = inflight;
      inflight = null;
      if (job && data?.id === job.id && data.id === latestId) onAnswer(job, data, performance.now() - job.t0);
      pump();
    };
    worker.onerror = (event) => {
      event?.preventDefault?.();
      inflight = null;
      waiting = null;
      worker.terminate();
      worker = null;
      onCrash();
    };
  }

  function pump() {
    if (inflight || !waiting) return;
    inflight = { ...waiting, t0: performance.now() };
    waiting = null;
    if (!worker) start();
    const message = { id: inflight.id, text: inflight.text, reply: 'parts' };
    if (!optionsSent) { message.options = options; optionsSent = true; }
    worker.postMessage(message);
  }

  return {
    /** Starts the worker ahead of the first request (it loads the WebAssembly meanwhile). */
    warm() { if (!worker) start(); },
    /** Asks for `text`; any earlier request becomes stale. */
    analyse(text) {
      latestId = ++nextId;
      waiting = { id: latestId, text };
      pump();
    },
    /** Makes every request so far stale. */
    cancel() {
      latestId = ++nextId;
      waiting = null;
    },
  };
}

/**
 * The result from a worker answer: `data.result` as it is, or `data.parts` parsed a part at a
 * time, awaiting tick() after each; null when tick() answers false (the answer became stale).
 */
export async function joinParts(data, tick = async () => true) {
  if (data.result) return data.result;
  const result = { ...data.fields, entities: [], quotes: [], condemnations: [], denials: [] };
  for (const key of ['entities', 'quotes', 'condemnations', 'denials']) {
    const list = result[key];
    for (const part of data.parts[key]) {
      for (const item of JSON.parse(part)) {
        // An entity's mentions may come in slices: consecutive items with the same id.
        if (key === 'entities' && list.length && list[list.length - 1].id === item.id) {
          const mentions = list[list.length - 1].mentions;
          for (const m of item.mentions) mentions.push(m);
        } else list.push(item);
      }
      if (!await tick()) return null;
    }
  }
  return result;
}
