// Catches the error a call must throw, typed, so a test can look at its fields.

/**
 * Runs `call` and returns what it threw, failing when it returns or throws something else.
 * @example thrown(() => parseFrontmatter("x"), FrontmatterError).line //=> 1
 */
export function thrown<T extends Error>(call: () => unknown, type: new (...args: never[]) => T): T {
  try {
    call();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  throw new Error(`expected a ${type.name}, but the call returned`);
}
