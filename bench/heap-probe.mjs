// Reads the size of the WebAssembly heap (the Emscripten module's HEAPU8.length) without any
// hook in the package: WebAssembly.instantiate is wrapped before the first createAnalyzer(), and
// the Memory the instance exports is kept. Also keeps the wasm binary (for its size).
//
//   import { installHeapProbe, heapBytes } from './heap-probe.mjs';
//   installHeapProbe();                        // before the first createAnalyzer() call
//   const analyzer = await createAnalyzer();
//   heapBytes();                               // current wasm memory size in bytes
const memories = [];
let wasmBinary = null;
let installed = false;

function keep(result, source) {
  const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
  if (instance) {
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory) memories.push(value);
    }
  }
  if (source instanceof ArrayBuffer) wasmBinary = new Uint8Array(source);
  else if (ArrayBuffer.isView(source)) wasmBinary = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
  return result;
}

export function installHeapProbe() {
  if (installed) return;
  installed = true;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = async function probedInstantiate(source, imports) {
    return keep(await instantiate.call(WebAssembly, source, imports), source);
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) {
    WebAssembly.instantiateStreaming = async function probedStreaming(source, imports) {
      return keep(await streaming.call(WebAssembly, source, imports), null);
    };
  }
}

/** The current size of the (last instantiated) wasm memory in bytes, or NaN if none was seen. */
export function heapBytes() {
  const memory = memories[memories.length - 1];
  return memory ? memory.buffer.byteLength : NaN;
}

/** The wasm binary the package instantiated (a Uint8Array), or null if not seen. */
export function wasmBinaryBytes() {
  return wasmBinary;
}
