/**
 * The closed set of errors caixun raises on purpose. Each has a stable `code`;
 * the CLI maps them to exit codes in one place (src/cli/exit.ts) and never prints a stack for them.
 */
export class CaixunError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CaixunError';
    this.code = code;
  }
}

/** The input document cannot be turned into an article (binary, empty, unrecoverable front matter). */
export class InvalidDocumentError extends CaixunError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('invalid-document', message, options);
    this.name = 'InvalidDocumentError';
  }
}

/** The user asked for something that cannot work (bad flag value, missing path). */
export class UsageError extends CaixunError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
    this.name = 'UsageError';
  }
}

/** The store could not be opened or written (locked, corrupt, newer schema). */
export class StoreError extends CaixunError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('store', message, options);
    this.name = 'StoreError';
  }
}

/** A keyset cursor that no list of this store could have given (garbled, or from another list). */
export class InvalidCursorError extends StoreError {
  readonly cursor: string;
  constructor(cursor: string) {
    super(`store: invalid cursor ${JSON.stringify(cursor)}`);
    this.name = 'InvalidCursorError';
    this.cursor = cursor;
  }
}
