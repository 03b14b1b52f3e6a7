import { KINDS, STATUSES } from '../../shared/domain/debt-item.js';

/** The full help text; `defaultDb` is this user's default portfolio file. */
export function usageText(defaultDb: string): string {
  return `Paydown: manage technical debt as a portfolio.

Usage:
  paydown items list [--db FILE] [--json]
  paydown items add --title TEXT --likelihood N --impact N --effort N|LOW,LIKELY,HIGH --interest N [options]
  paydown items explain ID [--db FILE] [--json]
  paydown serve [--db FILE] [--port N]
  paydown help

Commands:
  items list     Print every debt item as a table, or as a JSON array (with its scores) with --json.
  items add      Add a debt item and print its id (the whole item with --json).
  items explain  Show why an item ranks where it does: risk, ROI, breaking point and each
                 term of its priority with its weight and contribution.
  serve          Open the portfolio in a browser: serves the app on 127.0.0.1 until Ctrl-C.
  help           Show this text (also --help or -h, after any command too).

Options for items add:
  --title TEXT          What the debt is (required).
  --likelihood N        How likely it is to hurt, 1 to 5 (required).
  --impact N            How much it hurts when it does, 1 to 5 (required).
  --effort N            Effort to pay it down, in the portfolio's unit (required);
  --effort LOW,LIKELY,HIGH  or a three-point estimate, e.g. 2,3,8.
  --interest N          What it costs per sprint while it stays (required).
  --kind KIND           The kind of debt (default code), one of:
                        ${KINDS.join(', ')}.
  --status STATUS       Where it stands (default open), one of:
                        ${STATUSES.join(', ')}.
  --owner NAME          Who looks after it.
  --area AREA           The part of the system it lives in.
  --due YYYY-MM-DD      When it should be paid down.
  --tag TAG             A tag; repeat the option for several.
  --description TEXT    Longer notes.
  --rationale TEXT      Why the debt is accepted (required with --status accepted).

Other options:
  --db FILE      The portfolio file. Without it: $PAYDOWN_DB, else ${defaultDb}
                 (created when missing).
  --json         items list / add / explain: print JSON instead of text.
  --port N       serve: the port on 127.0.0.1 (default 0: any free port).
  -h, --help     Show this text.

Exit codes: 0 done, 1 the portfolio could not be used, 2 wrong arguments (nothing was written).
`;
}
