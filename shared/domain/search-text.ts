/**
 * Folds text for searching: Unicode-normalised, accents removed, lower case. "Zoë" and "ZOE" both
 * become "zoe", so a search box finds what a person typed without caring about case or accents.
 */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
