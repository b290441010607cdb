// Reads the size of the WebAssembly heap (the Emscripten module's HEAPU8.length) without any
// hook in the package: WebAssembly.instantiate is wrapped before the first createAnalyzer(), and
// the Memory the instance exports is kept.
//
//   import { installHeapProbe, heapBytes } from './heap-probe.mjs';
//   installHeapProbe();                        // before the first createAnalyzer() call
//   const analyzer = await createAnalyzer();
//   heapBytes();                               // current wasm memory size in bytes
const memories = [];
let installed = false;

function keep(result) {
  const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
  if (instance) {
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(value);
    }
  }
  return result;
}

export function installHeapProbe() {
  if (installed) return;
  installed = true;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function probedInstantiate(source, imports) {
    return keep(await instantiate.call(WebAssembly, source, imports));
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = async function probedStreaming(source, imports) {
      return keep(await streaming.call(WebAssembly, source, imports));
    };
  }
}

/** The current size of the (last instantiated) wasm memory in bytes, or NaN if none was seen. */
export function heapBytes() {
  const memory = memories[memories.length - 1];
  return memory ? memory.buffer.byteLength : NaN;
}
