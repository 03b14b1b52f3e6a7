import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './cli-errors.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** What strict `parseArgs` returns for these options: strings, booleans or arrays, each possibly absent. */
export type OptionValues<O extends OptionSpecs> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>
>['values'];

/**
 * Finds what strict `parseArgs` would refuse and says it in our words, naming the option. Node's own
 * messages are precise but talk about "positional arguments" and "ambiguous" values.
 */
function checkTokens(args: readonly string[], options: OptionSpecs, command: string): void {
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind === 'positional') {
      throw new UsageError(`"${command}" does not take "${token.value}" as an argument.`);
    }
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) throw new UsageError(`"${command}" has no option ${token.rawName}.`);
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`${token.rawName} takes no value (got "${token.value}").`);
    }
    if (spec.type === 'string') {
      if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value.`);
      if (!token.inlineValue && token.value.startsWith('-')) {
        // A negative number is the one value that plausibly starts with "-"; show how to pass it.
        const tip = /^-[\d.]/.test(token.value) ? ` To pass "${token.value}", write ${token.rawName}=${token.value}.` : '';
        throw new UsageError(`${token.rawName} needs a value, but the next argument is "${token.value}".${tip}`);
      }
    }
    if (spec.multiple !== true && seen.has(token.name)) throw new UsageError(`${token.rawName} was given more than once.`);
    seen.add(token.name);
  }
}

/** Strict `parseArgs` for one command: unknown options, stray arguments and missing values are UsageErrors. */
export function parseOptions<const O extends OptionSpecs>(
  args: readonly string[],
  options: O,
  command: string,
): OptionValues<O> {
  checkTokens(args, options, command);
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // checkTokens mirrors the strict rules, so this is only reached if Node adds one; keep its wording.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
