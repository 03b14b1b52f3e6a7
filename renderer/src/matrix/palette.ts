import { KINDS, STATUSES, type Kind, type Status } from '../../../shared/domain/debt-item.js';

/** Okabe–Ito: eight colours told apart with every common colour-vision deficiency; grey for the ninth kind. */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'] as const;

export type ColourBy = 'kind' | 'status';

export const COLOUR_KEYS: Readonly<Record<ColourBy, readonly (Kind | Status)[]>> = { kind: KINDS, status: STATUSES };

export function colourAt(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length] ?? '#999999';
}
