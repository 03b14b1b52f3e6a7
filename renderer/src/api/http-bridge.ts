import { CHANNELS, type Channel } from '../../../shared/api/channels.js';
import type { PaydownBridge } from '../../../shared/api/contract.js';
import { ApiError, fail, type Result } from '../../../shared/api/result.js';

export const TOKEN_HEADER = 'x-paydown-token';

const OPEN_PRINTED_LINK = 'Open the link the preview host printed.';

/** Answers the host gives before dispatch runs, so their bodies are not Paydown Results. */
const REFUSALS: Readonly<Record<number, Result<never>>> = {
  401: fail('unauthorized', `This page's access token is missing or out of date. ${OPEN_PRINTED_LINK}`),
  403: fail(
    'forbidden',
    `The preview host refused this request because it did not come from the page it served. ${OPEN_PRINTED_LINK}`,
  ),
  413: fail('invalid-input', 'That request is too large for the preview host. Send less data at once and try again.'),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a Result envelope from a parsed body; null when the body is something else. */
export function resultFromBody(body: unknown): Result<unknown> | null {
  if (!isRecord(body)) return null;
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false) {
    const error = ApiError.safeParse(body.error);
    return error.success ? { ok: false, error: error.data } : null;
  }
  return null;
}

async function post(channel: Channel, input: unknown, token: string): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? ` (${error.message})` : '';
    return fail(
      'io-error',
      `Could not reach the Paydown preview host${reason}. Check that it is still running, then reload this page.`,
    );
  }
  const refusal = REFUSALS[response.status];
  if (refusal !== undefined) return refusal;
  const unexpected = fail(
    'io-error',
    `The preview host gave an answer Paydown does not understand (HTTP ${response.status}). Reload the page; if it happens again, restart the preview host.`,
  );
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return unexpected;
  }
  return resultFromBody(body) ?? unexpected;
}

/** The preview host's bridge: every channel is a POST to `/api/<channel>` carrying the page's token. */
export function createHttpBridge(token: string): PaydownBridge {
  const calls = Object.fromEntries(CHANNELS.map((channel) => [channel, (input: unknown) => post(channel, input, token)]));
  // One function per channel, each answering the Result the host's dispatch produced for that channel.
  return calls as PaydownBridge;
}
