/**
 * Lifts provenance statements (原标题, 来源, 责任编辑, 作者, 记者, 据…消息) out of the body.
 * Rules are data (`src/outlets/`); this module only applies them by scope, in order:
 * whole paragraphs, then the tail of the last paragraph, then the lead, then sentences.
 */
import type { Element } from 'domhandler';
import type { Provenance } from '../model/article.js';
import type { ProvenanceRule } from '../outlets/types.js';
import { removeNode, removeTrailingChars, tableCellTags, textOf, trimEnd } from './dom.js';

/** How far into the first paragraph a dateline (…记者 X）讯) may sit. */
const LEAD_CHARS = 80;

/**
 * Cleans a lifted value: collapses spaces, drops staff codes (`刘万里 SF014` → `刘万里`),
 * a trailing date in a source (`上海市统计局6月17日` → `上海市统计局`) and trailing punctuation.
 */
export function normaliseProvenanceValue(value: string): string {
  return value
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .trim()
    .replace(/(?:\s+|_)[A-Z]{1,4}\d{2,}$/, '') // a staff code after the name: 张三 SF001, 杨倩_NF4425
    .replace(/(?:\d{1,2}月\d{1,2}日|今日|昨日|今天|昨天|日前|近日|刚刚)$/u, '')
    .replace(/[\s,，。.;；:：、!！?？]+$/u, '')
    .replace(/^[\s:：]+/u, '');
}

/** Role words that may follow a name with no space in a dateline: 记者陈孝志通讯员马鹏奇. */
const GLUED_ROLE = /(?<=\p{Script=Han})(?=通讯员|实习生|见习记者|特约记者|摄影|摄像)/gu;
const PERSON_FIELDS: ReadonlySet<keyof Provenance> = new Set(['reporter', 'editor', 'author']);

function setField(out: Provenance, field: keyof Provenance, raw: string | undefined): boolean {
  if (raw === undefined || out[field] !== undefined) return false;
  // Names and the next role apart, as a printed byline shows them: 陈孝志 通讯员马鹏奇.
  const v = normaliseProvenanceValue(PERSON_FIELDS.has(field) ? raw.replace(GLUED_ROLE, ' ') : raw);
  if (v === '') return false;
  out[field] = v;
  return true;
}

const isBodyBlock = (el: Element): boolean => !tableCellTags.has(el.name);

/**
 * Applies `rules` to the body's leaf blocks (paragraphs, in document order), removing the
 * statements that are pure provenance, and returns what was found. `blocks` is updated:
 * removed paragraphs are taken out of it.
 */
export function liftProvenance(blocks: Element[], rules: readonly ProvenanceRule[]): Provenance {
  const out: Provenance = {};
  const byScope = (s: ProvenanceRule['scope']): ProvenanceRule[] => rules.filter((r) => r.scope === s);

  const paragraphRules = byScope('paragraph');
  for (let i = 0; i < blocks.length; i++) {
    const el = blocks[i] as Element;
    if (!isBodyBlock(el)) continue;
    const text = textOf(el, true);
    if (text === '' || text.length > 200) continue;
    for (const rule of paragraphRules) {
      const m = rule.pattern.exec(text);
      if (m === null) continue;
      setField(out, rule.field, m[1]);
      removeNode(el);
      blocks.splice(i, 1);
      i--;
      break;
    }
  }

  const body = blocks.filter(isBodyBlock);
  const last = [...body].reverse().find((el) => textOf(el, true) !== '');
  if (last !== undefined) {
    trimEnd(last);
    for (const rule of byScope('trailing')) {
      if (out[rule.field] !== undefined) continue;
      const m = rule.pattern.exec(textOf(last, false));
      if (m === null || !setField(out, rule.field, m[1])) continue;
      removeTrailingChars(last, m[0].length);
      trimEnd(last);
    }
  }

  const first = body.find((el) => textOf(el, true) !== '');
  if (first !== undefined) {
    const lead = textOf(first, true).slice(0, LEAD_CHARS);
    for (const rule of byScope('lead')) setField(out, rule.field, rule.pattern.exec(lead)?.[1]);
  }

  const sentenceRules = byScope('sentence');
  if (sentenceRules.length > 0) {
    for (const el of body) {
      const text = textOf(el, true);
      for (const rule of sentenceRules) setField(out, rule.field, rule.pattern.exec(text)?.[1]);
    }
  }
  return out;
}
