import { KINDS, STATUSES } from '../../shared/domain/debt-item.js';

/** The full help text; `defaultDb` is this user's default portfolio file. */
export function usageText(defaultDb: string): string {
  return `Paydown: manage technical debt as a portfolio.

Usage:
  paydown items list [--db FILE] [--json]
  paydown items add --title TEXT --likelihood N --impact N --effort N|LOW,LIKELY,HIGH --interest N [options]
  paydown items explain ID [--db FILE] [--json]
  paydown import FILE [--db FILE] [--format auto|csv|jira|github|sonarqube] [--mapping FILE | --ignore-saved-mapping]
                 [--skip-invalid] [--dry-run] [--overwrite-team-fields] [--json]
  paydown sprint add --name S --start YYYY-MM-DD --capacity N [--days N] [--availability PCT]
                     [--reserve PCT --reason TEXT] [--db FILE] [--json]
  paydown sprint close --name S --completed N --debt N [--paid ID...] [--db FILE] [--json]
  paydown sprint list [--db FILE] [--json]
  paydown sprint pin --name S --item ID [--note TEXT] [--db FILE] [--json]
  paydown sprint unpin --name S --item ID [--db FILE] [--json]
  paydown plan [--reserve PCT] [--sprints N] [--db FILE] [--json]
  paydown plan exclude --item ID [--note TEXT] [--db FILE] [--json]
  paydown plan include --item ID [--db FILE] [--json]
  paydown forecast [--sprints N] [--trials N] [--seed S] [--db FILE] [--json]
  paydown forecast backtest [--trials N] [--seed S] [--db FILE] [--json]
  paydown serve [--db FILE] [--port N]
  paydown help

Commands:
  items list     Print every debt item as a table, or as a JSON array (with its scores) with --json.
  items add      Add a debt item and print its id (the whole item with --json).
  items explain  Show why an item ranks where it does: risk, ROI, breaking point and each
                 term of its priority with its weight and contribution.
  import         Import debt items from a generic CSV, a Jira CSV export, GitHub issues JSON
                 (gh issue list --json, or the REST API) or a SonarQube api/issues/search
                 response. Importing the same file again updates its items, never duplicates.
  sprint add     Add a sprint with its capacity, availability and debt reserve.
  sprint close   Record what a sprint really completed and spent on debt, and mark the
                 items it paid down as paid.
  sprint list    Print the sprints in calendar order.
  sprint pin     Make the plan start an item in an open sprint (a pin on another open sprint
                 moves there); sprint unpin lets the item be planned by rank again.
  plan           Fill the open sprints' debt reserves with the open items in priority order.
  plan exclude   Keep an item out of the plan whatever its rank or pins; plan include lets it back in.
  forecast       Forecast capacity and debt capacity (p50 and p85) of the coming sprints:
                 from 3 closed sprints on by resampling them, before that from the entered
                 capacity with a +-30% range.
  forecast backtest
                 Check how past forecasts held: how often the actual debt spend reached p50 and p85.
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

Options for import:
  --format F     auto (default: detected from the content), csv, jira, github or sonarqube.
  --mapping FILE A JSON file: which column is which field ("columns"), extra level words
                 ("levels"), hoursPerDay, hoursPerPoint, sonarGroupBy, jiraBaseUrl, …
                 After an import it is saved in the portfolio for that source (same
                 columns, or same tool), and later imports of the source use it.
  --ignore-saved-mapping
                 Read the file without the mapping saved for its source.
  --skip-invalid Import the valid records and list the invalid ones (default: one invalid
                 record refuses the whole file and nothing is written).
  --dry-run      Show what the import would do; write nothing.
  --overwrite-team-fields
                 On re-import, take likelihood, impact, status and acceptance from the file
                 too (by default the team's values in Paydown are kept).

Options for sprints, plan and forecast:
  --name S              The sprint's name, unique in the portfolio (sprint add, close).
  --start YYYY-MM-DD    The sprint's first day.
  --days N              Its length in days (default: the portfolio's sprint length).
  --capacity N          What the team can do in the sprint, in the portfolio's unit.
  --availability PCT    The share of that capacity really there (holidays), 0-100 (default 100).
  --reserve PCT         sprint add: the share kept for debt (default 15); outside 10-20% it
                        needs --reason TEXT. plan: a what-if reserve for every open sprint.
  --completed N         sprint close: all work completed in the sprint.
  --debt N              sprint close: the part of it spent on debt.
  --paid ID             sprint close: an item paid down in the sprint; repeat, or separate by commas.
  --item ID             sprint pin, unpin; plan exclude, include: the item's id.
  --note TEXT           sprint pin, plan exclude: why, in up to 200 characters.
  --sprints N           plan: only the first N open sprints; forecast: how many sprints ahead
                        (past the open ones the calendar is continued).
  --trials N            forecast: Monte Carlo trials (default 10000).
  --seed S              forecast: the random seed (default 1); the same seed gives the same forecast.

Other options:
  --db FILE      The portfolio file. Without it: $PAYDOWN_DB, else ${defaultDb}
                 (created when missing).
  --json         items list / add / explain: print JSON instead of text; import: print
                 {"created","updated","unchanged","skipped","errors"} only.
                 plan: {"sprints":[{"name","reserve","allocated","items":[{"id","amount"}]}],
                 "unplanned":[ids]}; forecast backtest: {"forecasts","p50HitRate","p85HitRate"}.
  --port N       serve: the port on 127.0.0.1 (default 0: any free port).
  -h, --help     Show this text.

Exit codes: 0 done, 1 the portfolio could not be used or an import was refused (nothing was
written), 2 wrong arguments (nothing was written).
`;
}
