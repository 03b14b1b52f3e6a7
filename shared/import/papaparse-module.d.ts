/**
 * The slice of papaparse that Paydown uses. We import `papaparse/papaparse.js` rather than `papaparse`
 * because @types/papaparse references all of @types/node, which would leak Node's globals into the
 * shared/ and renderer/ type-checks (see STYLE.md rule 1); this declaration types the one call we make.
 */
declare module 'papaparse/papaparse.js' {
  interface PapaError {
    type: string;
    code: string;
    message: string;
    row?: number;
    index?: number;
  }
  interface PapaResult {
    data: string[][];
    errors: PapaError[];
  }
  interface PapaConfig {
    delimiter: string;
    newline: string;
    quoteChar: string;
    escapeChar: string;
    header: false;
    dynamicTyping: false;
    skipEmptyLines: false;
  }
  const Papa: { parse(input: string, config: PapaConfig): PapaResult };
  export default Papa;
}
