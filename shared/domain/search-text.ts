/**
 * Folds text for searching: Unicode-normalised, accents removed, lower case. "Zoë" and "ZOE" both
 * become "zoe", so a search box finds what a person typed without caring about case or accents.
 */
export function foldForSearch(text: string): string {
  // ASCII has nothing to decompose and no marks to drop: most text skips the Unicode passes, which were a
  // tenth of parsing and mapping a 100k-row import.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII = /^\p{ASCII}*$/u;
