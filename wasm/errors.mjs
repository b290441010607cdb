// Errors thrown by presslens. Every one is a PresslensError with a stable `code`.

export class PresslensError extends Error {
  constructor(message, code) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** An argument of the wrong type or value (code ERR_INVALID_ARGUMENT). */
export class InvalidArgumentError extends PresslensError {
  constructor(message) { super(message, 'ERR_INVALID_ARGUMENT'); }
}

/** A text longer than the analyzer's maxLength (code ERR_TEXT_TOO_LARGE). */
export class TextTooLargeError extends PresslensError {
  constructor(message) { super(message, 'ERR_TEXT_TOO_LARGE'); }
}

/** The WebAssembly heap could not grow for this text (code ERR_OUT_OF_MEMORY). */
export class OutOfMemoryError extends PresslensError {
  constructor(message) { super(message, 'ERR_OUT_OF_MEMORY'); }
}

/** The analyzer was used after dispose() (code ERR_DISPOSED). */
export class DisposedError extends PresslensError {
  constructor(message) { super(message, 'ERR_DISPOSED'); }
}

/** The WebAssembly module could not be loaded or failed internally (code ERR_WASM / ERR_INTERNAL). */
export class WasmError extends PresslensError {
  constructor(message, code = 'ERR_WASM') { super(message, code); }
}
