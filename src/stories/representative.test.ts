import { describe, expect, it } from 'vitest';
import { chooseRepresentative, earliestAppearance } from './representative.js';
import type { StoryMember } from './story-state.js';

const m = (id: string, length: number, publishedAt: string | null, outletKey: string, provenanceSource?: string): StoryMember => ({
  id,
  outletKey,
  title: id,
  publishedAt,
  length,
  ...(provenanceSource === undefined ? {} : { provenanceSource }),
});

const wire = m('wire', 900, '2022-01-05T09:00:00+08:00', 'chinanews', '工信微报');
const portal = m('portal', 880, '2022-01-05T10:00:00+08:00', 'sina-finance', 'chinanews');
const paper = m('paper', 1400, '2022-01-06T06:00:00+08:00', 'paper-daily');
const roundup = m('roundup', 4000, '2022-01-06T08:00:00+08:00', 'roundups');

describe('chooseRepresentative', () => {
  it('takes the most complete version', () => {
    expect(chooseRepresentative([wire, portal, paper]).id).toBe('paper');
  });
  it('skips a text far longer than the current choice (a roundup)', () => {
    expect(chooseRepresentative([wire, roundup, portal], 2.5).id).toBe('wire');
  });
  it('keeps the earlier of two equal lengths', () => {
    expect(chooseRepresentative([{ ...portal, length: 900 }, wire]).id).toBe('wire');
  });
});

describe('earliestAppearance', () => {
  it('orders by time, unknown last', () => {
    expect(earliestAppearance([m('x', 1, null, 'o'), portal, wire]).id).toBe('wire');
  });
});
