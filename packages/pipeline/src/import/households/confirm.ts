/**
 * When an import may go ahead once its change is known (the CLI's --yes, --dry-run and y/N question). Why a policy of
 * its own: a re-import replaces the village-years its file names, and a household missing from the file is deleted;
 * nothing may be deleted that the user did not see and ask for, and a script without a terminal must not hang on a
 * question nobody will answer.
 */
import { formatChange, villagesLosing, type ImportChange } from "./summary.js";

export interface ConfirmPolicy {
  /** --yes: removals are confirmed in advance */
  yes: boolean;
  /** --dry-run: show the change, store nothing */
  dryRun: boolean;
  /** Asks a question on the terminal and gives the answer; undefined when there is no terminal to ask on. */
  ask: ((question: string) => Promise<string>) | undefined;
  /** Where the change goes (stdout). */
  show: (text: string) => void;
  /** Where a refusal goes (stderr). */
  warn: (text: string) => void;
}

const YES = /^\s*(y|yes|c|có|co)\s*$/i;

/** The confirm callback for importHouseholds: always shows the change per village; then a dry run stores nothing, an
 *  import removing no household goes ahead, and one removing households needs --yes or a "y" on the terminal. */
export function confirmWith(p: ConfirmPolicy): (change: ImportChange) => Promise<boolean> {
  return async (change) => {
    p.show(formatChange(change));
    if (p.dryRun) {
      p.show("--dry-run: nothing was stored.");
      return false;
    }
    const losing = villagesLosing(change);
    if (losing.length === 0 || p.yes) return true;
    const what = `remove ${change.totals.removed} household(s) from ${losing.length} village(s) (${losing.map((v) => v.village).join(", ")})`;
    if (!p.ask) {
      p.warn(`minhbach: this import would ${what}; without a terminal to confirm it on, run it again with --yes ` +
        `(or --dry-run to see the change only). Nothing was stored.`);
      return false;
    }
    if (YES.test(await p.ask(`This import would ${what} of the ${change.year} review. Go ahead? [y/N] `))) return true;
    p.warn("minhbach: not confirmed; nothing was stored.");
    return false;
  };
}
