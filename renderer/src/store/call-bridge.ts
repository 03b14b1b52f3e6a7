import type { Channel } from '../../../shared/api/channels.js';
import type { Input, Output, PaydownBridge } from '../../../shared/api/contract.js';
import { fail, type Result } from '../../../shared/api/result.js';

/**
 * Calls one action and always answers a Result: a bridge that throws (a preload crash, a bug in a
 * fake) becomes an `internal` failure the store reports like any other, so no action can reject.
 */
export async function callBridge<C extends Channel>(
  bridge: PaydownBridge,
  channel: C,
  input: Input<C>,
): Promise<Result<Output<C>>> {
  try {
    return await bridge[channel](input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail('internal', `Paydown could not run “${channel}”: ${reason}`);
  }
}
