import { describe, expect, it } from 'vitest';
import { parseDateline } from './provenance-dateline.js';

describe('parseDateline', () => {
  it.each([
    ['中国网财经12月20日讯 工业和信息化部今日召开会议。', '中国网财经'],
    ['新华社北京12月20日电 工业和信息化部今日召开会议。', '新华社'],
    ['新华财经北京12月8日电（记者 张三）会议指出。', '新华财经'],
    ['财联社（成都，记者 熊嘉楠）12月8日讯，会议指出。', '财联社'],
    ['【财联社12月8日讯】会议指出。', '财联社'],
    ['本报讯 会议指出。', undefined],
    ['本报北京12月8日电 会议指出。', undefined],
    ['据工信微报消息，会议指出。', '工信微报'],
    ['会议指出，今年以来工业经济运行总体平稳。', undefined],
  ])('%s → %s', (text, name) => {
    expect(parseDateline(text)).toBe(name);
  });
});
