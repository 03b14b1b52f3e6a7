/**
 * The slice of papaparse that Paydown uses. We import `papaparse/papaparse.js` rather than `papaparse`
 * because @types/papaparse references all of @types/node, which would leak Node's globals into the
 * shared/ and renderer/ type-checks (see STYLE.md rule 1); this declaration types the calls we make.
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
  interface PapaChunkResult extends PapaResult {
    /** Where parsing stopped: an offset in the input plus `baseIndex`. */
    meta: { cursor: number };
  }
  /** Papa's low-level parser, which its own streamers drive chunk by chunk. */
  interface PapaParser {
    parse(input: string, baseIndex: number, ignoreLastRow: boolean): PapaChunkResult;
  }
  const Papa: { parse(input: string, config: PapaConfig): PapaResult; Parser: new (config: PapaConfig) => PapaParser };
  export default Papa;
}
