/**
 * Printed newspapers whose e-paper pages caixun reads (sources/pdf): the paper is recognised from
 * the PDF's Title code (`LLRMRB07B20180105D` → RMRB), the masthead, or the paper's name in
 * bylines (`辽沈晚报记者`). Their bodies need no HTML cleaning rules of their own.
 */
import type { Outlet } from './types.js';
import { SHANGHAI_ZONE } from '../util/shanghai-time.js';

const noMarkupRules = {
  removeSelectors: [],
  unwrapSelectors: [],
  removeCommentRanges: [],
  dropParagraphPatterns: [],
  provenancePatterns: [],
} as const;

function newspaper(key: string, name: string, hosts: string[], titleCodes: string[], aliases: string[] = []): Outlet {
  return {
    key,
    name,
    aliases: [name, ...aliases],
    hosts,
    timeZone: SHANGHAI_ZONE,
    ...noMarkupRules,
    print: { titleCodes },
    example: { fixture: `<p>本报讯 一则为${name}登记而虚构的消息。</p><p>（来源：${name}）</p>` },
  };
}

/** The printed papers, besides 人民邮电报 (renminyoudianbao.ts). */
export const newspapers: readonly Outlet[] = [
  newspaper('renmin-ribao', '人民日报', ['paper.people.com.cn'], ['RMRB'], ['人民日报社']),
  newspaper('jingji-ribao', '经济日报', ['paper.ce.cn'], ['JJRB']),
  newspaper('zhongguo-zhengquanbao', '中国证券报', ['cs.com.cn'], ['ZGZQB']),
  newspaper('shanghai-zhengquanbao', '上海证券报', ['cnstock.com'], ['SHZQB']),
  newspaper('zhengquan-shibao', '证券时报', ['stcn.com'], ['ZQSB']),
  newspaper('liaoshen-wanbao', '辽沈晚报', ['lnd.com.cn'], []),
  newspaper('fuzhou-wanbao', '福州晚报', ['fznews.com.cn'], []),
  newspaper('gansu-fazhibao', '甘肃法治报', [], [], ['甘肃法制报']),
  newspaper('henan-shangbao', '河南商报', ['shangbaoindex.com'], []),
];
