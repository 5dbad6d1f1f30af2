/** The parsers recurse per nesting level: past a few thousand levels they overflow the stack. */
export function isStackOverflow(error: unknown): boolean {
  return (
    error instanceof RangeError || (error instanceof Error && /Maximum call stack size exceeded/.test(error.message))
  );
}
